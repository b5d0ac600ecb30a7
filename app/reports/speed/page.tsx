import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../../server/context";
import { formatChineseDate } from "../../../server/domain/dates";
import { SPEED_GRADE_RULE } from "../../../server/domain/speed";
import { Chart } from "../../components/chart";
import { FILTER_INPUT, FilterField, FilterForm } from "../../components/filter-form";
import { Alert, Card, EmptyState, Money, PageHeader, Table, Td, Th } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { ExportLinks } from "../../export/export-links";
import { param, type SearchParams } from "../../lib/params";
import { OptionSelect } from "../filter-options";
import { type SortKey, SORTS, sortSpeedRows, speedInput, speedOrder, type SpeedRow as Row } from "./params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "回款速度排名" };

type Report = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["speed"]["ranking"]>>;

const GRADE_COLORS = { A: "#16a34a", B: "#0284c7", C: "#f59e0b", D: "#dc2626" } as const;

const GRADE_STYLES = {
  A: "bg-emerald-100 text-emerald-800",
  B: "bg-sky-100 text-sky-800",
  C: "bg-amber-100 text-amber-800",
  D: "bg-red-100 text-red-800",
} as const;


export default async function SpeedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAccess("speed.ranking");
  const params = await searchParams;
  const query = {
    from: param(params, "from"),
    asOf: param(params, "asOf"),
    accountManagerId: param(params, "accountManagerId"),
    businessTypeId: param(params, "businessTypeId"),
    sort: param(params, "sort"),
    dir: param(params, "dir"),
  };
  const caller = await serverCaller();
  const [staff, businessTypes] = await Promise.all([caller.settings.staff(), caller.settings.businessTypes()]);
  const result = await load(() => caller.speed.ranking(speedInput(params)));
  const { sort, descending } = speedOrder(params);

  return (
    <>
      <PageHeader
        title="回款速度排名"
        subtitle={
          result.ok
            ? `到期日 ${formatChineseDate(result.data.from)} 至 ${formatChineseDate(result.data.asOf)}，截至 ${formatChineseDate(result.data.asOf)}`
            : undefined
        }
        actions={<ExportLinks report="speed" params={params} />}
      />
      <FilterForm resetHref="/reports/speed">
        <FilterField label="到期日从">
          <input type="date" name="from" defaultValue={query.from ?? (result.ok ? result.data.from : undefined)} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="截止日期">
          <input type="date" name="asOf" defaultValue={query.asOf ?? (result.ok ? result.data.asOf : undefined)} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="业务员">
          <OptionSelect name="accountManagerId" options={staff} value={query.accountManagerId} allLabel="全部业务员" />
        </FilterField>
        <FilterField label="业务类型">
          <OptionSelect name="businessTypeId" options={businessTypes} value={query.businessTypeId} allLabel="全部业务类型" />
        </FilterField>
      </FilterForm>
      <ul className="mb-4 space-y-0.5 text-xs text-slate-500">
        <li>
          范围：到期日在期间内（开始日期至截止日期）的分期；已付金额只计截止日期及以前收到、未冲销的回款；尚未到期的未收金额不计入。
        </li>
        <li>
          加权逾期天数：按金额加权的平均逾期天数——已付部分为收款日 − 到期日（到期日当天或之前付款计 0 天），截止日仍未付且已逾期的部分为截止日期 − 到期日。
        </li>
        <li>按时付款比例：到期日当天或之前付清的金额 ÷ 期内到期的全部金额。</li>
        <li>签约至付款天数：已付金额按金额加权的平均（收款日 − 合同签约日）天数。当前逾期金额：截止日期全部已逾期未收金额。</li>
        <li>评级：{SPEED_GRADE_RULE}。</li>
      </ul>
      {result.ok ? (
        <SpeedReport report={result.data} sort={sort} descending={descending} query={query} />
      ) : (
        <Alert>{result.message}</Alert>
      )}
    </>
  );
}

function SpeedReport({
  report,
  sort,
  descending,
  query,
}: {
  report: Report;
  sort: SortKey;
  descending: boolean;
  query: Record<string, string | undefined>;
}) {
  if (report.ranked.length === 0) {
    return (
      <Card>
        <EmptyState title="期间内没有已付款或已逾期的分期">
          请扩大到期日范围或更换筛选条件；有分期到期并登记回款后，这里会给出排名。
        </EmptyState>
      </Card>
    );
  }
  const rows = sortSpeedRows(report.ranked, { sort, descending });
  const sortHref = (key: SortKey) => {
    const search = new URLSearchParams();
    for (const [name, text] of Object.entries(query)) if (text && name !== "sort" && name !== "dir") search.set(name, text);
    search.set("sort", key);
    if (key === sort && !descending) search.set("dir", "desc");
    return `/reports/speed?${search.toString()}`;
  };
  const chartRows = report.ranked.slice(0, 30);

  return (
    <>
      <div className="grid gap-5 lg:grid-cols-2">
        <RankCard title={`优质客户（前 ${report.best.length} 名）`} rows={report.best} />
        <RankCard title={`劣质客户（后 ${report.worst.length} 名）`} rows={report.worst} />
      </div>
      <Card title={`加权逾期天数${report.ranked.length > chartRows.length ? `（最快的 ${chartRows.length} 户）` : ""}`}>
        <Chart
          title="各客户加权逾期天数"
          height={Math.max(160, chartRows.length * 24 + 60)}
          option={{
            grid: { left: 170, right: 40, top: 20, bottom: 30 },
            xAxis: { type: "value", name: "天" },
            yAxis: {
              type: "category",
              inverse: true,
              data: chartRows.map((row) => row.clientName),
              axisLabel: { width: 150, overflow: "truncate" },
            },
            series: [
              {
                type: "bar",
                data: chartRows.map((row) => ({
                  value: Math.round((row.weightedDaysLate ?? 0) * 10) / 10,
                  itemStyle: { color: GRADE_COLORS[row.grade ?? "A"] },
                })),
              },
            ],
          }}
        />
      </Card>
      <Card title={`全部客户（${rows.length} 户）`}>
        <Table>
          <thead>
            <tr>
              <Th>客户</Th>
              <Th>业务员</Th>
              <Th>评级</Th>
              {(Object.keys(SORTS) as SortKey[]).map((key) => (
                <Th key={key} numeric>
                  <Link href={sortHref(key)} className="hover:underline">
                    {SORTS[key].label}
                    {sortMark(key === sort, descending)}
                  </Link>
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.clientId}>
                <Td>
                  <Link href={`/clients/${row.clientId}`} className="text-brand-700 hover:underline">
                    {row.clientName}
                  </Link>
                </Td>
                <Td className="text-slate-600">{row.accountManagerName ?? "—"}</Td>
                <Td>
                  <Grade grade={row.grade} />
                </Td>
                <Td numeric>{days(row.weightedDaysLate)}</Td>
                <Td numeric>{row.onTimePercent === null ? "—" : `${row.onTimePercent.toFixed(1)}%`}</Td>
                <Td numeric>{days(row.daysToPay)}</Td>
                <Td numeric>
                  <Money fen={row.overdueNow} tone="danger" />
                </Td>
                <Td numeric>
                  <Money fen={row.dueInPeriod} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}

function RankCard({ title, rows }: { title: string; rows: readonly Row[] }) {
  return (
    <Card title={title}>
      <Table>
        <thead>
          <tr>
            <Th>客户</Th>
            <Th>评级</Th>
            <Th numeric>加权逾期天数</Th>
            <Th numeric>按时付款比例</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.clientId}>
              <Td>
                <Link href={`/clients/${row.clientId}`} className="text-brand-700 hover:underline">
                  {row.clientName}
                </Link>
              </Td>
              <Td>
                <Grade grade={row.grade} />
              </Td>
              <Td numeric>{days(row.weightedDaysLate)}</Td>
              <Td numeric>{row.onTimePercent === null ? "—" : `${row.onTimePercent.toFixed(1)}%`}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

function Grade({ grade }: { grade: Row["grade"] }) {
  if (grade === null) return <span className="text-slate-400">—</span>;
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${GRADE_STYLES[grade]}`}>{grade}</span>;
}

function days(value: number | null) {
  return value === null ? "—" : `${value.toFixed(1)} 天`;
}

/** The arrow after the label of the sorted column. */
function sortMark(sorted: boolean, descending: boolean) {
  if (!sorted) return "";
  return descending ? " ↓" : " ↑";
}
