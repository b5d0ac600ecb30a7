import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../server/context";
import { formatChineseDate } from "../../server/domain/dates";
import { FILTER_INPUT, FilterField, FilterForm } from "../components/filter-form";
import { Alert, ButtonLink, DaysOverdue, EmptyState, Money, PageHeader, Table, Td, Th } from "../components/ui";
import { access, assignableStaff } from "../lib/auth";
import { load } from "../lib/errors";
import { ExportLinks } from "../export/export-links";
import { param, type SearchParams } from "../lib/params";
import { clientListInput } from "./params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "客户" };

type ClientBalances = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["clients"]["listWithBalances"]>>;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const search = param(params, "q");
  const managerParam = param(params, "accountManagerId");
  const user = await access();
  const caller = await serverCaller();
  const staff = assignableStaff(await caller.settings.staff(), user);
  const result = await load(() => caller.clients.listWithBalances(clientListInput(params)));

  return (
    <>
      <PageHeader
        title="客户"
        subtitle={result.ok ? `应收余额与逾期按 ${formatChineseDate(result.data.asOf)} 计算` : undefined}
        actions={
          <>
            <ExportLinks report="clients" params={params} />
            {user.can("clients.create") ? <ButtonLink href="/clients/new" variant="primary">新增客户</ButtonLink> : null}
          </>
        }
      />
      <FilterForm resetHref="/clients">
        <FilterField label="搜索">
          <input
            type="search"
            name="q"
            defaultValue={search}
            placeholder="客户名称、联系人或电话"
            className={`${FILTER_INPUT} w-64`}
          />
        </FilterField>
        <FilterField label="业务员">
          <select name="accountManagerId" defaultValue={managerParam ?? ""} className={FILTER_INPUT}>
            <option value="">全部业务员</option>
            {staff.map((person) => (
              <option key={person.id} value={person.id}>
                {person.active ? person.name : `${person.name}（已停用）`}
              </option>
            ))}
          </select>
        </FilterField>
      </FilterForm>
      {!result.ok ? (
        <Alert>{result.message}</Alert>
      ) : result.data.rows.length === 0 ? (
        search || managerParam ? (
          <EmptyState title="没有找到匹配的客户">
            换个关键词试试，或<Link href="/clients" className="text-brand-700 underline">查看全部客户</Link>。
          </EmptyState>
        ) : (
          <EmptyState title="还没有客户">
            先<Link href="/clients/new" className="text-brand-700 underline">新增客户</Link>，再为客户录入合同和收款计划。
          </EmptyState>
        )
      ) : (
        <ClientTable data={result.data} />
      )}
    </>
  );
}

function ClientTable({ data }: { data: ClientBalances }) {
  return (
    <div className="print-plain rounded-lg border border-slate-200 bg-white shadow-sm">
      <Table>
        <thead>
          <tr>
            <Th>客户名称</Th>
            <Th>联系人</Th>
            <Th>联系电话</Th>
            <Th>业务员</Th>
            <Th numeric>应收余额</Th>
            <Th numeric>逾期金额</Th>
            <Th numeric>逾期天数</Th>
            <Th numeric>预收款</Th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <Td>
                <Link href={`/clients/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.name}
                </Link>
              </Td>
              <Td>{row.contactPerson || <span className="text-slate-400">—</span>}</Td>
              <Td className="tabular-nums">{row.phone || <span className="text-slate-400">—</span>}</Td>
              <Td>{row.accountManagerName ?? <span className="text-slate-400">未指定</span>}</Td>
              <Td numeric>
                <Money fen={row.outstanding} />
              </Td>
              <Td numeric>
                <Money fen={row.overdue} tone="danger" />
              </Td>
              <Td numeric>
                <DaysOverdue days={row.daysOverdue} />
              </Td>
              <Td numeric>
                <Money fen={row.credit} tone="success" />
              </Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <Td colSpan={4}>合计（{data.rows.length} 个客户）</Td>
            <Td numeric>
              <Money fen={data.totals.outstanding} />
            </Td>
            <Td numeric>
              <Money fen={data.totals.overdue} tone="danger" />
            </Td>
            <Td />
            <Td numeric>
              <Money fen={data.totals.credit} tone="success" />
            </Td>
          </tr>
        </tfoot>
      </Table>
      <p className="px-3 py-2 text-xs text-slate-500">逾期天数按最早一笔未收款的到期日计算；预收款是已收但尚未核销到任何分期的金额。</p>
    </div>
  );
}
