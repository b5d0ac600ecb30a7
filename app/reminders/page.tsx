import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../server/context";
import { formatChineseDate } from "../../server/domain/dates";
import { FILTER_INPUT, FilterField, FilterForm } from "../components/filter-form";
import { Pager } from "../components/pager";
import { Alert, Card, DaysOverdue, EmptyState, Money, PageHeader, Table, Td, Th } from "../components/ui";
import { access, assignableStaff } from "../lib/auth";
import { load } from "../lib/errors";
import { param, type SearchParams } from "../lib/params";
import { OptionSelect, optionName } from "../reports/filter-options";
import { ExportLinks } from "../export/export-links";
import { DEFAULT_HORIZON_DAYS, reminderPages, remindersInput } from "./params";
import { PrintButton } from "./print-button";
import { BatchPrintForm } from "../documents/document-forms";
import { DisputedTag, disputedClientIds } from "../collections/disputed-tag";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "到期提醒" };

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Reminders = Awaited<ReturnType<Caller["reports"]["reminders"]>>;

export default async function RemindersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await access();
  const caller = await serverCaller();
  const [allStaff, businessTypes] = await Promise.all([caller.settings.staff(), caller.settings.businessTypes()]);
  const staff = assignableStaff(allStaff, user);

  const horizonText = param(params, "horizonDays");
  const result = await load(() => caller.reports.reminders({ ...remindersInput(params), ...reminderPages(params) }));

  const managerName = optionName(staff, param(params, "accountManagerId"));
  const businessTypeName = optionName(businessTypes, param(params, "businessTypeId"));
  const scope = [managerName && `业务员：${managerName}`, businessTypeName && `业务类型：${businessTypeName}`]
    .filter(Boolean)
    .join("　");

  return (
    <>
      <PageHeader
        title="到期提醒"
        subtitle={
          result.ok
            ? `截止日期 ${formatChineseDate(result.data.asOf)}　提前 ${result.data.horizonDays} 天提醒${scope ? `　${scope}` : ""}`
            : undefined
        }
        actions={
          result.ok ? (
            <>
              <ExportLinks report="reminders" params={params} />
              <PrintButton label="打印催收清单" />
            </>
          ) : undefined
        }
      />
      <FilterForm resetHref="/reminders">
        <FilterField label="截止日期">
          <input
            type="date"
            name="asOf"
            defaultValue={param(params, "asOf") ?? (result.ok ? result.data.asOf : undefined)}
            className={FILTER_INPUT}
          />
        </FilterField>
        <FilterField label="业务员">
          <OptionSelect name="accountManagerId" options={staff} value={param(params, "accountManagerId")} allLabel="全部业务员" />
        </FilterField>
        <FilterField label="业务类型">
          <OptionSelect name="businessTypeId" options={businessTypes} value={param(params, "businessTypeId")} allLabel="全部业务类型" />
        </FilterField>
        <FilterField label="提前提醒天数">
          <input
            type="number"
            name="horizonDays"
            min={0}
            max={365}
            defaultValue={horizonText ?? DEFAULT_HORIZON_DAYS}
            className={`${FILTER_INPUT} w-24`}
          />
        </FilterField>
      </FilterForm>
      {result.ok ? (
        <ReminderLists
          data={result.data}
          params={params}
          canDownloadLetters={user.can("reports.collectionLetter")}
          disputed={await disputedClientIds(caller, result.data.asOf)}
        />
      ) : (
        <Alert>{result.message}</Alert>
      )}
      {/* The call list has ten columns with a blank one for notes, too wide for portrait A4. */}
      <style>{"@page { size: A4 landscape; margin: 12mm; }"}</style>
    </>
  );
}

interface ListProps {
  data: Reminders;
  params: SearchParams;
}

function ReminderLists({
  data,
  params,
  canDownloadLetters,
  disputed,
}: ListProps & { canDownloadLetters: boolean; disputed: Set<number> }) {
  return (
    <div className="print:[&_td]:px-2 print:[&_th]:px-2 print:[&_table]:text-xs">
      <ClientsOwing data={data} params={params} canDownloadLetters={canDownloadLetters} disputed={disputed} />
      <UpcomingInstallments data={data} params={params} />
      <p className="text-xs text-slate-500">
        逾期天数 = 截止日期 − 最早未付分期的到期日（自然日，北京时间）；到期当日不算逾期。
      </p>
    </div>
  );
}

/** Id of the batch printing form that the row checkboxes belong to. */
const BATCH_PRINT_FORM = "batch-print";

function ClientsOwing({
  data,
  params,
  canDownloadLetters,
  disputed,
}: ListProps & { canDownloadLetters: boolean; disputed: Set<number> }) {
  const overdueCount = data.overdueClientCount;
  const title = `逾期 / 应收客户（${data.clientCount} 家，其中逾期 ${overdueCount} 家）`;
  if (data.clientCount === 0) {
    return (
      <Card title="逾期 / 应收客户">
        <EmptyState title="没有应收款的客户">
          截至 {formatChineseDate(data.asOf)}，符合筛选条件的客户没有未收款。录入合同和收款计划后，欠款客户会列在这里。
        </EmptyState>
      </Card>
    );
  }

  // A large group has thousands of owing clients, so the page shows a
  // hundred at a time, most urgent first, with totals over all of them.
  return (
    <Card title={title}>
      {canDownloadLetters && overdueCount > 0 ? <BatchPrintForm formId={BATCH_PRINT_FORM} asOf={data.asOf} /> : null}
      <Table>
        <thead>
          <tr>
            <Th>客户</Th>
            <Th>联系人</Th>
            <Th>联系电话</Th>
            <Th>业务员</Th>
            <Th numeric>应收余额</Th>
            <Th numeric>逾期金额</Th>
            <Th numeric>逾期天数</Th>
            <Th>最早逾期到期日</Th>
            <PrintOnlyTh>沟通结果</PrintOnlyTh>
            <ScreenOnlyTh>操作</ScreenOnlyTh>
          </tr>
        </thead>
        <tbody>
          {data.clients.map((row) => (
            <tr key={row.client.id} className="break-inside-avoid">
              <Td className="print:whitespace-nowrap">
                {canDownloadLetters && row.overdue > 0 ? (
                  <input type="checkbox" name="clientId" value={row.client.id} form={BATCH_PRINT_FORM} aria-label={`选择 ${row.client.name}`} className="no-print mr-2" />
                ) : null}
                <Link href={`/clients/${row.client.id}`} className="text-brand-700 hover:underline">
                  {row.client.name}
                </Link>
                {disputed.has(row.client.id) ? <DisputedTag /> : null}
              </Td>
              <Td>{row.client.contactPerson || "—"}</Td>
              <Td className="tabular-nums whitespace-nowrap">{row.client.phone || "—"}</Td>
              <Td>{row.client.accountManagerName ?? "—"}</Td>
              <Td numeric>
                <Money fen={row.outstanding} />
              </Td>
              <Td numeric>
                <Money fen={row.overdue} tone="danger" />
              </Td>
              <Td numeric>
                <DaysOverdue days={row.daysOverdue} />
              </Td>
              <Td className="tabular-nums whitespace-nowrap">{row.oldestOverdueDueDate ?? "—"}</Td>
              <PrintOnlyTd />
              <Td className="no-print whitespace-nowrap">
                {row.overdue > 0 && canDownloadLetters ? (
                  <Link href={`/documents/issue?clientId=${row.client.id}&asOf=${data.asOf}`} className="text-brand-700 hover:underline">
                    发函
                  </Link>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <Td colSpan={4}>全部合计（{data.clientCount} 家）</Td>
            <Td numeric>
              <Money fen={data.totals.outstanding} />
            </Td>
            <Td numeric>
              <Money fen={data.totals.overdue} tone="danger" />
            </Td>
            <Td colSpan={2} />
            <PrintOnlyTd />
            <Td className="no-print" />
          </tr>
        </tfoot>
      </Table>
      <Pager path="/reminders" params={params} total={data.clientCount} page={data.clientsPage} pageSize={data.pageSize ?? data.clientCount} unit="家" />
    </Card>
  );
}

function UpcomingInstallments({ data, params }: ListProps) {
  const period = `${formatChineseDate(data.asOf)} 至 ${formatChineseDate(data.until)}`;
  if (data.upcomingCount === 0) {
    return (
      <Card title={`即将到期（${data.horizonDays} 天内）`}>
        <EmptyState title="近期没有到期的分期">{period}没有未收的分期款。</EmptyState>
      </Card>
    );
  }

  return (
    <Card title={`即将到期（${data.horizonDays} 天内，${period}，${data.upcomingCount} 笔）`}>
      <Table>
        <thead>
          <tr>
            <Th>到期日</Th>
            <Th>剩余时间</Th>
            <Th>客户</Th>
            <Th>联系电话</Th>
            <Th>合同编号</Th>
            <Th>分期</Th>
            <Th numeric>未收金额</Th>
          </tr>
        </thead>
        <tbody>
          {data.upcoming.map((item) => (
            <tr key={item.installmentId} className="break-inside-avoid">
              <Td className="tabular-nums whitespace-nowrap">{item.dueDate}</Td>
              <Td className="whitespace-nowrap">
                {item.daysUntilDue === 0 ? (
                  <span className="font-medium text-amber-800">今天到期</span>
                ) : (
                  `还有 ${item.daysUntilDue} 天`
                )}
              </Td>
              <Td>
                <Link href={`/clients/${item.clientId}`} className="text-brand-700 hover:underline">
                  {item.client.name}
                </Link>
              </Td>
              <Td className="tabular-nums whitespace-nowrap">{item.client.phone || "—"}</Td>
              <Td className="whitespace-nowrap">{item.contractNo}</Td>
              <Td>{item.label || `第 ${item.seq} 期`}</Td>
              <Td numeric>
                <Money fen={item.outstanding} />
              </Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <Td colSpan={6}>全部合计（{data.upcomingCount} 笔）</Td>
            <Td numeric>
              <Money fen={data.upcomingTotal} />
            </Td>
          </tr>
        </tfoot>
      </Table>
      <Pager
        path="/reminders"
        params={params}
        name="upcomingPage"
        total={data.upcomingCount}
        page={data.upcomingPage}
        pageSize={data.pageSize ?? data.upcomingCount}
        unit="笔"
      />
    </Card>
  );
}

/** Renders a column heading shown on screen only. */
function ScreenOnlyTh({ children }: { children: string }) {
  return (
    <th scope="col" className="no-print border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-medium text-slate-600">
      {children}
    </th>
  );
}

/** Renders a blank column on the printed call list, for notes taken on the call. */
function PrintOnlyTh({ children }: { children: string }) {
  return (
    <th scope="col" className="hidden w-40 border-b border-slate-200 px-3 py-2 text-left text-xs font-medium text-slate-600 print:table-cell">
      {children}
    </th>
  );
}

function PrintOnlyTd() {
  return <td className="hidden border-b border-slate-300 print:table-cell" />;
}
