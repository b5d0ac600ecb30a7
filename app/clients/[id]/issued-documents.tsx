import Link from "next/link";

import type { serverCaller } from "../../../server/context";
import { kindLabel } from "../../documents/document-labels";
import { Alert, ButtonLink, Card, EmptyState, Table, Td, Th } from "../../components/ui";
import { load } from "../../lib/errors";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** Letters and other documents issued to the client (已发函件), newest first. */
export async function IssuedDocuments({
  caller,
  clientId,
  canIssue,
}: {
  caller: Caller;
  clientId: number;
  canIssue: boolean;
}) {
  const result = await load(() => caller.documents.list({ clientId }));
  const actions = canIssue ? <ButtonLink href={`/documents/issue?clientId=${clientId}`}>出具催款函</ButtonLink> : undefined;
  if (!result.ok) {
    return (
      <Card title="已发函件">
        <Alert>{result.message}</Alert>
      </Card>
    );
  }

  const { rows, total } = result.data;
  return (
    <Card title={`已发函件（${total} 份）`} actions={actions}>
      {rows.length === 0 ? (
        <EmptyState title="尚未向该客户出具函件">出具付款提醒函、催款函或最后催告函后，会按文号列在这里。</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>文号</Th>
              <Th>类型</Th>
              <Th>文书日期</Th>
              <Th>出具人</Th>
              <Th>状态</Th>
              <Th>下载</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.voidedAt ? "text-slate-400" : undefined}>
                <Td className="whitespace-nowrap">
                  <Link href={`/documents/${row.id}`} className="text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                </Td>
                <Td>{kindLabel(row.kind)}</Td>
                <Td className="tabular-nums whitespace-nowrap">{row.asOf}</Td>
                <Td>{row.issuedByName}</Td>
                <Td>{row.voidedAt ? `已作废：${row.voidReason}` : "有效"}</Td>
                <Td className="no-print">
                  <a href={`/documents/issued/${row.id}`} className="text-brand-700 hover:underline">
                    PDF
                  </a>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {total > rows.length ? (
        <p className="mt-2 text-xs text-slate-500">
          仅显示最近 {rows.length} 份，<Link href={`/documents?clientId=${clientId}`} className="text-brand-700 hover:underline">在文书登记中查看全部</Link>。
        </p>
      ) : null}
    </Card>
  );
}
