import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { clockFromEnv } from "../../../server/clock";
import { serverCaller } from "../../../server/context";
import { formatChineseDate } from "../../../server/domain/dates";
import { Alert, ButtonLink, Card, PageHeader } from "../../components/ui";
import { access } from "../../lib/auth";
import { load } from "../../lib/errors";
import { lookup, param, routeId, type SearchParams } from "../../lib/params";
import { formatTimestamp } from "../../lib/timestamp";
import { VoidDocumentForm } from "../document-forms";
import { kindLabel } from "../document-labels";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "文书详情" };

const NOTICES: Record<string, string> = {
  issued: "函件已出具并登记。请下载 PDF 打印盖章或发送给客户。",
  voided: "文书已作废，记录仍保留在文书登记中。",
};

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const documentId = routeId((await params).id);
  if (Number.isNaN(documentId)) notFound();
  const query = await searchParams;
  const user = await access();
  const caller = await serverCaller();
  const result = await load(() => caller.documents.get({ documentId }));
  if (!result.ok) return <Alert>{result.message}</Alert>;

  const document = result.data;
  const timeZone = clockFromEnv().timeZone;
  const notice = lookup(NOTICES, param(query, "notice"));
  return (
    <>
      <PageHeader
        title={`${kindLabel(document.kind)} ${document.number}`}
        subtitle={document.clientName ? `致 ${document.clientName}` : undefined}
        actions={
          <>
            <ButtonLink href="/documents">返回文书登记</ButtonLink>
            <ButtonLink href={`/documents/issued/${document.id}`} variant="primary" download>
              下载 PDF
            </ButtonLink>
          </>
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {document.voidedAt ? (
        <Alert tone="warning">
          本文书已于 {formatTimestamp(document.voidedAt, timeZone)} 由 {document.voidedByName} 作废，原因：{document.voidReason}
        </Alert>
      ) : null}
      <Card title="登记信息">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <Item label="文号">{document.number}</Item>
          <Item label="类型">{kindLabel(document.kind)}</Item>
          <Item label="客户">
            {document.clientId !== null ? (
              <Link href={`/clients/${document.clientId}`} className="text-brand-700 hover:underline">
                {document.clientName}
              </Link>
            ) : (
              "—"
            )}
          </Item>
          <Item label="文书日期">{formatChineseDate(document.asOf)}</Item>
          <Item label="出具人">{document.issuedByName}</Item>
          <Item label="出具时间">{formatTimestamp(document.issuedAt, timeZone)}</Item>
          <Item label="文件名">{document.fileName}</Item>
          <Item label="状态">{document.voidedAt ? "已作废" : "有效"}</Item>
        </dl>
        <p className="mt-3 text-xs text-slate-500">
          下载的 PDF 按出具时固定的内容生成，之后的收款和资料修改不会改变它。
        </p>
      </Card>
      {user.can("documents.void") && !document.voidedAt ? (
        <Card title="作废">
          <div id="void">
            <VoidDocumentForm documentId={document.id} returnHref={`/documents/${document.id}`} />
          </div>
        </Card>
      ) : null}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
