import Link from "next/link";

import { serverCaller } from "../server/context";
import { formatChineseDate } from "../server/domain/dates";
import { FILTER_INPUT, FilterField, FilterForm } from "./components/filter-form";
import { Alert, ButtonLink, Card, DaysOverdue, EmptyState, Money, PageHeader, Stat, Table, Td, Th } from "./components/ui";
import { access } from "./lib/auth";
import { load } from "./lib/errors";
import { param, type SearchParams } from "./lib/params";

export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await access();
  const caller = await serverCaller();
  const result = await load(() => caller.reports.dashboard({ asOf: param(params, "asOf") }));

  return (
    <>
      <PageHeader
        title="工作台"
        subtitle={result.ok ? `截至 ${formatChineseDate(result.data.asOf)} 的应收与回款概况` : undefined}
        actions={user.can("payments.record") ? <ButtonLink href="/payments/new" variant="primary">登记回款</ButtonLink> : undefined}
      />
      <FilterForm resetHref="/">
        <FilterField label="截止日期">
          <input type="date" name="asOf" defaultValue={param(params, "asOf") ?? (result.ok ? result.data.asOf : undefined)} className={FILTER_INPUT} />
        </FilterField>
      </FilterForm>
      {result.ok ? <Dashboard data={result.data} /> : <Alert>{result.message}</Alert>}
    </>
  );
}

type DashboardData = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["reports"]["dashboard"]>>;

function Dashboard({ data }: { data: DashboardData }) {
  const agingTotal = data.aging.reduce((sum, bucket) => sum + bucket.amount, 0);
  return (
    <>
      <div className="mb-5 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="应收账款合计" value={<Money fen={data.outstanding} />} note={`${data.clientsOwing} 个客户有未收款`} />
        <Stat label="逾期金额" value={<Money fen={data.overdue} tone="danger" />} note={`${data.clientsOverdue} 个客户逾期`} />
        <Stat
          label="本月已回款"
          value={<Money fen={data.collectedThisMonth} tone="success" />}
          note={`${formatChineseDate(data.monthStart)}起 ${data.paymentsThisMonth} 笔`}
        />
        <Stat
          label="逾期占比"
          value={data.outstanding > 0 ? `${((data.overdue * 100) / data.outstanding).toFixed(1)}%` : "—"}
          note="逾期金额 ÷ 应收账款"
        />
      </div>

      <Card title="账龄分布">
        <Table>
          <thead>
            <tr>
              {data.aging.map((bucket) => (
                <Th key={bucket.key} numeric>
                  {bucket.label}
                </Th>
              ))}
              <Th numeric>合计</Th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {data.aging.map((bucket) => (
                <Td key={bucket.key} numeric>
                  <Money fen={bucket.amount} tone={bucket.minDays > 0 ? "danger" : undefined} />
                </Td>
              ))}
              <Td numeric className="font-semibold">
                <Money fen={agingTotal} />
              </Td>
            </tr>
            <tr>
              {data.aging.map((bucket) => (
                <Td key={bucket.key} numeric className="text-xs text-slate-500">
                  {agingTotal > 0 ? `${((bucket.amount * 100) / agingTotal).toFixed(1)}%` : "—"}
                </Td>
              ))}
              <Td numeric className="text-xs text-slate-500">
                {agingTotal > 0 ? "100%" : "—"}
              </Td>
            </tr>
          </tbody>
        </Table>
        <p className="mt-2 text-xs text-slate-500">逾期天数 = 截止日期 − 到期日（自然日，北京时间）；到期当天付款不算逾期。</p>
      </Card>

      <div className="grid gap-5 xl:grid-cols-2">
        <Card title="最需催收的客户" actions={<Link href={`/reminders?asOf=${data.asOf}`} className="text-brand-600 hover:underline">全部提醒 →</Link>}>
          {data.urgent.length === 0 ? (
            <EmptyState title="没有逾期客户">所有应收款项都在账期内。</EmptyState>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>客户</Th>
                  <Th>联系电话</Th>
                  <Th numeric>逾期金额</Th>
                  <Th numeric>逾期天数</Th>
                </tr>
              </thead>
              <tbody>
                {data.urgent.map((row) => (
                  <tr key={row.client.id}>
                    <Td>
                      <Link href={`/clients/${row.client.id}`} className="text-brand-700 hover:underline">
                        {row.client.name}
                      </Link>
                    </Td>
                    <Td className="tabular-nums">{row.client.phone || "—"}</Td>
                    <Td numeric>
                      <Money fen={row.overdue} tone="danger" />
                    </Td>
                    <Td numeric>
                      <DaysOverdue days={row.daysOverdue} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card
          title={data.dueSoonCount > 0 ? `7 天内到期（共 ${data.dueSoonCount} 笔）` : "7 天内到期"}
          actions={
            data.dueSoonCount > data.dueSoon.length ? (
              <Link href={`/reminders?asOf=${data.asOf}&horizonDays=7`} className="text-brand-600 hover:underline">
                全部 {data.dueSoonCount} 笔 →
              </Link>
            ) : undefined
          }
        >
          {data.dueSoon.length === 0 ? (
            <EmptyState title="未来 7 天没有到期的款项" />
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>到期日</Th>
                  <Th>客户</Th>
                  <Th>合同 / 分期</Th>
                  <Th numeric>未收金额</Th>
                </tr>
              </thead>
              <tbody>
                {data.dueSoon.map((item) => (
                  <tr key={item.installmentId}>
                    <Td className="tabular-nums whitespace-nowrap">{item.dueDate}</Td>
                    <Td>
                      <Link href={`/clients/${item.clientId}`} className="text-brand-700 hover:underline">
                        {item.client.name}
                      </Link>
                    </Td>
                    <Td className="text-slate-600">
                      {item.contractNo} · {item.label || `第${item.seq}期`}
                    </Td>
                    <Td numeric>
                      <Money fen={item.outstanding} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
