import type { Metadata } from "next";
import Link from "next/link";

import { clockFromEnv } from "../../server/clock";
import { Pager } from "../components/pager";
import { serverCaller } from "../../server/context";
import { FILTER_INPUT, FilterField, FilterForm } from "../components/filter-form";
import { Alert, ButtonLink, Card, EmptyState, PageHeader, Table, Td, Th } from "../components/ui";
import { access } from "../lib/auth";
import { load } from "../lib/errors";
import { numberParam, param, type SearchParams } from "../lib/params";
import { formatTimestamp } from "../lib/timestamp";
import { KIND_OPTIONS, kindLabel } from "./document-labels";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "文书登记" };

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Register = Awaited<ReturnType<Caller["documents"]["list"]>>;

export default async function DocumentRegisterPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await access();
  const caller = await serverCaller();
  const clients = await caller.clients.list({});
  const status = param(params, "status");
  const page = numberParam(params, "page") ?? 1;

  const result = await load(() =>
    caller.documents.list({
      kind: (param(params, "kind") || null) as never,
      clientId: numberParam(params, "clientId"),
      year: numberParam(params, "year"),
      status: (status || null) as never,
      search: param(params, "search"),
      page,
    }),
  );

  return (
    <>
      <PageHeader
        title="文书登记"
        subtitle="已出具的付款提醒函、催款函、最后催告函、对账单和情况说明，按文号登记；作废的文书保留在册"
        actions={
          <>
            <ButtonLink href="/documents/statement">出具对账单</ButtonLink>
            <ButtonLink href="/documents/situation">起草情况说明</ButtonLink>
          </>
        }
      />
      <FilterForm resetHref="/documents">
        <FilterField label="类型">
          <select name="kind" defaultValue={param(params, "kind") ?? ""} className={FILTER_INPUT}>
            <option value="">全部类型</option>
            {KIND_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="客户">
          <select name="clientId" defaultValue={param(params, "clientId") ?? ""} className={FILTER_INPUT}>
            <option value="">全部客户</option>
            {clients.map((client) => (
              <option key={client.id} value={client.id}>
                {client.name}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="年份">
          <input type="number" name="year" min={2000} max={9999} defaultValue={param(params, "year")} className={`${FILTER_INPUT} w-24`} />
        </FilterField>
        <FilterField label="状态">
          <select name="status" defaultValue={status ?? ""} className={FILTER_INPUT}>
            <option value="">全部</option>
            <option value="live">有效</option>
            <option value="voided">已作废</option>
          </select>
        </FilterField>
        <FilterField label="文号">
          <input type="search" name="search" placeholder="如 催字第012" defaultValue={param(params, "search")} className={FILTER_INPUT} />
        </FilterField>
      </FilterForm>
      {result.ok ? (
        <RegisterTable register={result.data} page={page} params={params} canVoid={user.can("documents.void")} />
      ) : (
        <Alert>{result.message}</Alert>
      )}
    </>
  );
}

function RegisterTable({
  register,
  page,
  params,
  canVoid,
}: {
  register: Register;
  page: number;
  params: SearchParams;
  canVoid: boolean;
}) {
  const timeZone = clockFromEnv().timeZone;
  if (register.rows.length === 0) {
    return (
      <Card title="文书">
        <EmptyState title="没有符合条件的文书">
          在客户页或到期提醒中出具催款函后，文书会按文号登记在这里。
        </EmptyState>
      </Card>
    );
  }

  return (
    <Card title={`文书（共 ${register.total} 份）`}>
      <Table>
        <thead>
          <tr>
            <Th>文号</Th>
            <Th>类型</Th>
            <Th>客户</Th>
            <Th>文书日期</Th>
            <Th>出具人</Th>
            <Th>出具时间</Th>
            <Th>状态</Th>
            <Th>操作</Th>
          </tr>
        </thead>
        <tbody>
          {register.rows.map((row) => (
            <tr key={row.id} className={row.voidedAt ? "text-slate-400" : undefined}>
              <Td className="whitespace-nowrap">
                <Link href={`/documents/${row.id}`} className="text-brand-700 hover:underline">
                  {row.number}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">{kindLabel(row.kind)}</Td>
              <Td>
                {row.clientId !== null ? (
                  <Link href={`/clients/${row.clientId}`} className="hover:underline">
                    {row.clientName}
                  </Link>
                ) : (
                  "—"
                )}
              </Td>
              <Td className="tabular-nums whitespace-nowrap">{row.asOf}</Td>
              <Td>{row.issuedByName}</Td>
              <Td className="tabular-nums whitespace-nowrap">{formatTimestamp(row.issuedAt, timeZone)}</Td>
              <Td>
                {row.voidedAt ? (
                  <span title={row.voidReason ?? ""} className="text-red-700">
                    已作废：{row.voidReason}
                  </span>
                ) : (
                  "有效"
                )}
              </Td>
              <Td className="no-print whitespace-nowrap">
                <a href={`/documents/issued/${row.id}`} className="text-brand-700 hover:underline">
                  下载
                </a>
                {canVoid && !row.voidedAt ? (
                  <Link href={`/documents/${row.id}#void`} className="ml-3 text-slate-600 hover:underline">
                    作废
                  </Link>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pager path="/documents" total={register.total} page={page} params={params} unit="份" />
    </Card>
  );
}
