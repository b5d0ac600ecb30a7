import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../../server/context";
import { formatChineseDate } from "../../../server/domain/dates";
import { FILTER_INPUT, FilterField, FilterForm } from "../../components/filter-form";
import { Alert, Card, EmptyState, Money, PageHeader } from "../../components/ui";
import { load } from "../../lib/errors";
import { ExportLinks } from "../../export/export-links";
import { param, type SearchParams } from "../../lib/params";
import { OptionSelect, optionName } from "../filter-options";
import { summaryParams } from "./params";
import { sortSummaryRows, type SortOrder } from "./sorting";
import { SummaryTable } from "./summary-table";
import { GROUPINGS, type Grouping, loadSummaryView, type SummaryInput, type SummaryView } from "./views";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "回款统计" };

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** Search parameters that this page reads from the URL. */
const QUERY_KEYS = ["from", "asOf", "accountManagerId", "businessTypeId", "clientId", "groupBy", "sort", "dir"] as const;

type Query = Partial<Record<(typeof QUERY_KEYS)[number], string>>;

/** Builds a link to this page with `changes` applied to the current query. */
function summaryHref(query: Query, changes: Query): string {
  const merged: Query = { ...query, ...changes };
  const search = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = merged[key];
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `/reports/summary?${text}` : "/reports/summary";
}

export default async function SummaryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query: Query = Object.fromEntries(QUERY_KEYS.map((key) => [key, param(params, key)]));
  const caller = await serverCaller();
  const [staff, businessTypes, clients] = await Promise.all([
    caller.settings.staff(),
    caller.settings.businessTypes(),
    caller.clients.list({}),
  ]);

  const { input, grouping, order } = summaryParams(params);
  const drillDownHref = (filter: { accountManagerId?: number; businessTypeId?: number }) =>
    summaryHref(query, {
      groupBy: undefined,
      sort: undefined,
      dir: undefined,
      accountManagerId: filter.accountManagerId ? String(filter.accountManagerId) : query.accountManagerId,
      businessTypeId: filter.businessTypeId ? String(filter.businessTypeId) : query.businessTypeId,
    });
  const result = grouping
    ? await loadSummaryView(caller, grouping, input, drillDownHref)
    : ({
        ok: false,
        message: `分组方式 "${query.groupBy}" 无效，请选择按客户、按业务员或按业务类型`,
      } as const);

  const clientOptions = clients.map((client) => ({ ...client, active: 1 }));
  const scope = [
    GROUPINGS.find((option) => option.value === grouping && grouping !== "client")?.label,
    labelled("业务员", optionName(staff, query.accountManagerId)),
    labelled("业务类型", optionName(businessTypes, query.businessTypeId)),
    labelled("客户", optionName(clientOptions, query.clientId)),
  ].filter((part) => part !== undefined);

  return (
    <>
      <PageHeader
        title="回款统计"
        subtitle={result.ok ? [periodText(result.data), ...scope].join("　") : undefined}
        actions={<ExportLinks report="summary" params={params} />}
      />
      <FilterForm resetHref="/reports/summary">
        <FilterField label="开始日期">
          <input type="date" name="from" defaultValue={query.from} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="截止日期">
          <input
            type="date"
            name="asOf"
            defaultValue={query.asOf ?? (result.ok ? result.data.asOf : undefined)}
            className={FILTER_INPUT}
          />
        </FilterField>
        <FilterField label="业务员">
          <OptionSelect name="accountManagerId" options={staff} value={query.accountManagerId} allLabel="全部业务员" />
        </FilterField>
        <FilterField label="业务类型">
          <OptionSelect name="businessTypeId" options={businessTypes} value={query.businessTypeId} allLabel="全部业务类型" />
        </FilterField>
        <FilterField label="客户">
          <select name="clientId" defaultValue={query.clientId ?? ""} className={`${FILTER_INPUT} max-w-56`}>
            <option value="">全部客户</option>
            {clients.map((client) => (
              <option key={client.id} value={client.id}>
                {client.name}
              </option>
            ))}
          </select>
        </FilterField>
        {query.groupBy ? <input type="hidden" name="groupBy" value={query.groupBy} /> : null}
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      </FilterForm>
      <GroupingTabs current={grouping} query={query} />
      {result.ok && grouping ? (
        <SummaryCard
          caller={caller}
          view={result.data}
          grouping={grouping}
          input={input}
          order={order}
          query={query}
        />
      ) : result.ok ? null : (
        <Alert>{result.message}</Alert>
      )}
    </>
  );
}

function labelled(label: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : `${label}：${value}`;
}

function periodText(view: SummaryView): string {
  return view.from
    ? `${formatChineseDate(view.from)} 至 ${formatChineseDate(view.asOf)}`
    : `截至 ${formatChineseDate(view.asOf)}（全部期间）`;
}

function GroupingTabs({ current, query }: { current: Grouping | null; query: Query }) {
  return (
    <nav aria-label="分组方式" className="no-print mb-3 flex gap-1 border-b border-slate-200 text-sm">
      {GROUPINGS.map((grouping) => {
        const active = grouping.value === current;
        const href = summaryHref(query, {
          groupBy: grouping.value === "client" ? undefined : grouping.value,
          sort: undefined,
          dir: undefined,
        });
        return (
          <Link
            key={grouping.value}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${
              active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {grouping.label}
          </Link>
        );
      })}
    </nav>
  );
}

async function SummaryCard({
  caller,
  view,
  grouping,
  input,
  order,
  query,
}: {
  caller: Caller;
  view: SummaryView;
  grouping: Grouping;
  input: SummaryInput;
  order: SortOrder;
  query: Query;
}) {
  if (view.rows.length === 0 && !view.unapplied?.received && !view.unapplied?.credit) {
    return (
      <Card>
        <EmptyState title="该期间没有合同或回款">
          调整开始日期、截止日期或筛选条件再查询；或先
          <Link href="/clients" className="text-brand-700 underline">
            录入客户和合同
          </Link>
          。
        </EmptyState>
      </Card>
    );
  }

  // All-time totals on asOf for the identity line, whatever the period is.
  const allTime = await load(() => caller.reports.summaryByBusinessType({ ...input, from: null }));
  const rows = sortSummaryRows(view.rows, order);
  return (
    <Card>
      <SummaryTable
        view={view}
        grouping={grouping}
        rows={rows}
        order={order}
        sortHref={(next) => summaryHref(query, { sort: next.key, dir: next.direction })}
        typeFiltered={Boolean(input.businessTypeId)}
      />
      <div className="mt-3 space-y-1 text-xs text-slate-500">
        {allTime.ok ? <IdentityLine asOf={view.asOf} data={allTime.data} /> : null}
        <p>
          合同额：{view.from ? "期间内签订的合同金额" : "截止日期前签订的全部合同金额"}；回款额：
          {view.from ? "期间内收到" : "截止日期前收到"}的回款，已冲销的不计；应收余额、逾期金额、预收款为截止日期当天的余额。
        </p>
        {grouping === "businessType" || input.businessTypeId ? (
          <p>
            按业务类型统计或筛选时，回款额是回款核销到该类型分期的金额；预收款不分业务类型
            {input.businessTypeId ? "，筛选时不显示" : "，尚未核销的回款单列为“未核销回款（预收款）”"}。
          </p>
        ) : null}
        {grouping === "manager" ? <p>按客户当前的业务员归集。</p> : null}
      </div>
    </Card>
  );
}

type AllTime = Awaited<ReturnType<Caller["reports"]["summaryByBusinessType"]>>;

/** 合同总额 − 已收款 = 应收余额 − 预收款, with the all-time figures on asOf. */
function IdentityLine({ asOf, data }: { asOf: string; data: AllTime }) {
  const { contracted, received, outstanding, credit } = data.totals;
  const prefix = `截至 ${formatChineseDate(asOf)} 全部期间：`;
  if (data.unapplied === null) {
    return (
      <p>
        {prefix}合同总额 <Money fen={contracted} /> − 已核销回款 <Money fen={received} /> = 应收余额{" "}
        <Money fen={outstanding} />
        （按业务类型筛选时预收款不分类型，不在式中）。
      </p>
    );
  }
  return (
    <p>
      {prefix}合同总额 <Money fen={contracted} /> − 已收款 <Money fen={received} /> = 应收余额{" "}
      <Money fen={outstanding} /> − 预收款 <Money fen={credit} />（= <Money fen={contracted - received} />）。
    </p>
  );
}
