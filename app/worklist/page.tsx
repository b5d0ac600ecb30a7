import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../server/context";
import { PRIORITY_RULE } from "../../server/domain/collections";
import { formatChineseDate } from "../../server/domain/dates";
import { parseYuan } from "../../server/domain/money";
import { Tag } from "../clients/[id]/collections-section";
import { FILTER_INPUT, FilterField, FilterForm } from "../components/filter-form";
import { Alert, Card, DaysOverdue, EmptyState, Money, PageHeader, Table, Td, Th } from "../components/ui";
import { access, assignableStaff } from "../lib/auth";
import { load } from "../lib/errors";
import { numberParam, param, type SearchParams } from "../lib/params";
import { OptionSelect } from "../reports/filter-options";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "今日待办" };

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Worklist = Awaited<ReturnType<Caller["collections"]["worklist"]>>;

const DEFAULT_DAYS = 7;
const DEFAULT_GROWTH_YUAN = "10000";

export default async function WorklistPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await access();
  const caller = await serverCaller();
  const staff = assignableStaff(await caller.settings.staff(), user);

  const growthText = param(params, "growth") ?? DEFAULT_GROWTH_YUAN;
  const growthFen = parseYuan(growthText);
  const result =
    growthFen === null
      ? ({ ok: false, message: `逾期增加阈值 "${growthText.slice(0, 30)}" 不是有效金额，请填写如 10000 的元金额` } as const)
      : await load(() =>
          caller.collections.worklist({
            asOf: param(params, "asOf"),
            accountManagerId: numberParam(params, "accountManagerId"),
            days: numberParam(params, "days"),
            growthThreshold: growthFen,
          }),
        );

  return (
    <>
      <PageHeader
        title="今日待办"
        subtitle={result.ok ? `截止日期 ${formatChineseDate(result.data.asOf)}　按优先级排序` : undefined}
      />
      <FilterForm resetHref="/worklist">
        <FilterField label="截止日期">
          <input
            type="date"
            name="asOf"
            aria-label="截止日期"
            defaultValue={param(params, "asOf") ?? (result.ok ? result.data.asOf : undefined)}
            className={FILTER_INPUT}
          />
        </FilterField>
        <FilterField label="业务员">
          <OptionSelect name="accountManagerId" options={staff} value={param(params, "accountManagerId")} allLabel="全部业务员" />
        </FilterField>
        <FilterField label="天数 N">
          <input
            type="number"
            name="days"
            min={0}
            max={90}
            defaultValue={param(params, "days") ?? DEFAULT_DAYS}
            className={`${FILTER_INPUT} w-20`}
          />
        </FilterField>
        <FilterField label="逾期增加阈值（元）">
          <input name="growth" inputMode="decimal" defaultValue={growthText} className={`${FILTER_INPUT} w-32`} />
        </FilterField>
      </FilterForm>
      {result.ok ? <WorklistView data={result.data} canLog={user.can("collections.logContact")} /> : <Alert>{result.message}</Alert>}
    </>
  );
}

function WorklistView({ data, canLog }: { data: Worklist; canLog: boolean }) {
  return (
    <>
      <p className="mb-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{PRIORITY_RULE}</p>
      <Card title={`待跟进客户（${data.clients.length} 家）`}>
        <ClientRows data={data} canLog={canLog} />
      </Card>
      <InstallmentTable
        title={`近 ${data.days} 天新逾期的分期（到期日 ${data.since} 至前一天）`}
        empty="这段时间没有新逾期的分期。"
        rows={data.newlyOverdue}
        overdue
      />
      <InstallmentTable
        title={`未来 ${data.days} 天到期的分期（至 ${data.until}）`}
        empty="这段时间没有到期的分期。"
        rows={data.dueSoon}
        overdue={false}
      />
      <p className="text-xs text-slate-500">
        列入条件：下次跟进日期已到且之后没有新的催收记录；承诺付款到期未足额付款且之后没有新的催收记录；近 N 天内新逾期或未来 N
        天内到期的分期；逾期金额比 N 天前增加达到阈值（{(data.growthThreshold / 100).toLocaleString("zh-CN")} 元）。逾期天数自最早一笔逾期分期的到期日起算。
      </p>
    </>
  );
}

function ClientRows({ data, canLog }: { data: Worklist; canLog: boolean }) {
  if (data.clients.length === 0) {
    return (
      <EmptyState title="今天没有待办">
        截至 {formatChineseDate(data.asOf)}，没有到期的跟进、未兑现的承诺或新逾期的分期。在客户页登记催收记录并设置下次跟进日期后，会出现在这里。
      </EmptyState>
    );
  }
  return (
    <Table>
      <thead>
        <tr>
          <Th numeric>#</Th>
          <Th>客户</Th>
          <Th>业务员</Th>
          <Th numeric>逾期金额</Th>
          <Th numeric>逾期天数</Th>
          <Th>评级</Th>
          <Th numeric>优先级</Th>
          <Th>待办事项</Th>
          <Th />
        </tr>
      </thead>
      <tbody>
        {data.clients.map((row, index) => (
          <tr key={row.clientId} data-testid={`worklist-client-${row.clientId}`}>
            <Td numeric>{index + 1}</Td>
            <Td>
              <Link href={`/clients/${row.clientId}`} className="font-medium text-brand-700 hover:underline">
                {row.clientName}
              </Link>
              {row.phone ? <div className="text-xs text-slate-500 tabular-nums">{row.phone}</div> : null}
            </Td>
            <Td>{row.accountManagerName ?? "—"}</Td>
            <Td numeric>
              <Money fen={row.overdue} tone="danger" />
            </Td>
            <Td numeric>
              <DaysOverdue days={row.daysOverdue} />
            </Td>
            <Td>{row.grade ?? "—"}</Td>
            <Td numeric>{row.priority.toLocaleString("zh-CN", { maximumFractionDigits: 0 })}</Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {row.brokenPromises > 0 ? (
                  <Tag className="bg-red-100 text-red-800">
                    承诺未兑现 {row.brokenPromises} 笔（差 <Money fen={row.brokenShortfall} />）
                  </Tag>
                ) : null}
                {row.followUpOn ? (
                  <Tag className="bg-sky-100 text-sky-800">
                    {row.followUpOn === data.asOf ? "今日跟进" : `跟进已过期（${row.followUpOn}）`}
                  </Tag>
                ) : null}
                {row.newlyOverdue > 0 ? <Tag className="bg-amber-100 text-amber-900">新逾期 {row.newlyOverdue} 笔</Tag> : null}
                {row.dueSoon > 0 ? <Tag className="bg-slate-100 text-slate-700">即将到期 {row.dueSoon} 笔</Tag> : null}
                {row.overdueGrowth >= data.growthThreshold && row.overdue > 0 ? (
                  <Tag className="bg-orange-100 text-orange-800">
                    逾期增加 <Money fen={row.overdueGrowth} />
                  </Tag>
                ) : null}
                {row.disputed > 0 ? <Tag className="bg-amber-50 text-amber-800 ring-1 ring-amber-300">有争议</Tag> : null}
              </div>
            </Td>
            <Td>
              {canLog ? (
                <Link
                  href={`/clients/${row.clientId}#log-contact`}
                  className="no-print whitespace-nowrap rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
                >
                  记录催收
                </Link>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function InstallmentTable({
  title,
  empty,
  rows,
  overdue,
}: {
  title: string;
  empty: string;
  rows: Worklist["newlyOverdue"];
  overdue: boolean;
}) {
  const total = rows.reduce((sum, row) => sum + row.outstanding, 0);
  return (
    <Card title={`${title}（${rows.length} 笔）`}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>客户</Th>
              <Th>合同 / 分期</Th>
              <Th>到期日</Th>
              <Th numeric>{overdue ? "逾期天数" : "距到期"}</Th>
              <Th numeric>未收金额</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.installmentId}>
                <Td>
                  <Link href={`/clients/${row.clientId}`} className="text-brand-700 hover:underline">
                    {row.clientName}
                  </Link>
                </Td>
                <Td>
                  <Link href={`/contracts/${row.contractId}`} className="hover:underline">
                    {row.contractNo}
                  </Link>{" "}
                  · {row.label}
                  {row.disputed ? (
                    <span className="ml-1">
                      <Tag className="bg-amber-50 text-amber-800 ring-1 ring-amber-300">有争议</Tag>
                    </span>
                  ) : null}
                </Td>
                <Td className="tabular-nums">{row.dueDate}</Td>
                <Td numeric>{overdue ? <DaysOverdue days={row.days} /> : row.days === 0 ? "今天" : `${-row.days} 天`}</Td>
                <Td numeric>
                  <Money fen={row.outstanding} />
                </Td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <Td colSpan={4}>合计</Td>
              <Td numeric>
                <Money fen={total} />
              </Td>
            </tr>
          </tfoot>
        </Table>
      )}
    </Card>
  );
}
