import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../../server/context";
import { addDays, addMonths, formatChineseDate, startOfMonth } from "../../../server/domain/dates";
import { FILTER_INPUT, FilterField, FilterForm } from "../../components/filter-form";
import { Alert, Card, EmptyState, Money, PageHeader, Stat } from "../../components/ui";
import { access } from "../../lib/auth";
import { load } from "../../lib/errors";
import { param, type SearchParams } from "../../lib/params";
import { PreviewFrame } from "../preview-frame";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "对账单" };

const FRAME_NAME = "statement-preview";

export default async function StatementPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const user = await access();
  const caller = await serverCaller();
  const [clients, clock] = await Promise.all([
    load(() => caller.clients.list({})),
    load(() => caller.settings.clock()),
  ]);
  if (!clients.ok || !clock.ok) {
    return (
      <>
        <StatementHeader />
        <Alert>{!clients.ok ? clients.message : !clock.ok ? clock.message : ""}</Alert>
      </>
    );
  }

  const today = clock.data.today;
  const lastMonthStart = addMonths(startOfMonth(today), -1);
  const values = {
    clientId: param(query, "clientId") ?? "",
    from: param(query, "from") ?? lastMonthStart,
    to: param(query, "to") ?? addDays(startOfMonth(today), -1),
    asOf: param(query, "asOf") ?? today,
  };

  return (
    <>
      <StatementHeader />
      <FilterForm>
        <FilterField label="客户">
          <select name="clientId" defaultValue={values.clientId} className={FILTER_INPUT} required>
            <option value="">请选择客户</option>
            {clients.data.map((client) => (
              <option key={client.id} value={client.id}>
                {client.name}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="对账开始日期">
          <input type="date" name="from" defaultValue={values.from} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="对账结束日期">
          <input type="date" name="to" defaultValue={values.to} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="对账单日期">
          <input type="date" name="asOf" defaultValue={values.asOf} max={today} className={FILTER_INPUT} />
        </FilterField>
      </FilterForm>
      {values.clientId === "" ? (
        <Card>
          <EmptyState title="请选择客户和对账期间">
            对账单列出期初余额、期间内签订的合同和收到的付款、期末余额和账龄，并附客户签章寄回的回执。
            {clients.data.length === 0 ? (
              <>
                {" "}还没有客户，请先<Link href="/clients/new" className="text-brand-700 underline">新增客户</Link>。
              </>
            ) : null}
          </EmptyState>
        </Card>
      ) : (
        <StatementPreview values={values} canIssue={user.can("statements.issueStatement")} />
      )}
    </>
  );
}

function StatementHeader() {
  return (
    <PageHeader
      title="对账单"
      subtitle="选择客户和对账期间，预览无误后出具：出具的对账单自动编号并登记，可随时重新下载。"
    />
  );
}

interface StatementValues {
  clientId: string;
  from: string;
  to: string;
  asOf: string;
}

async function StatementPreview({ values, canIssue }: { values: StatementValues; canIssue: boolean }) {
  const caller = await serverCaller();
  const clientId = /^\d+$/.test(values.clientId) ? Number(values.clientId) : Number.NaN;
  if (Number.isNaN(clientId)) {
    return <Alert>链接中的客户编号 “{values.clientId.slice(0, 20)}” 无效，请在上面重新选择客户。</Alert>;
  }
  const result = await load(() => caller.statements.accountStatement({ ...values, clientId }));
  if (!result.ok) return <Alert>{result.message}</Alert>;

  const { payload } = result.data;
  const previewQuery = new URLSearchParams({ ...values }).toString();
  return (
    <>
      <Card title={`${payload.client.name}　${formatChineseDate(payload.from)}至${formatChineseDate(payload.to)}`}>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="期初余额" value={<Money fen={payload.openingBalance} />} />
          <Stat label="本期新签合同" value={<Money fen={payload.periodContracted} />} />
          <Stat label="本期收款" value={<Money fen={payload.periodReceived} />} />
          <Stat
            label="期末余额"
            value={<Money fen={payload.closingBalance} tone="danger" />}
            note={payload.creditAtTo > 0 ? <>其中预收款 <Money fen={payload.creditAtTo} /></> : undefined}
          />
        </div>
        <p className="mt-3 text-sm text-slate-500">
          本期共 {payload.lines.length} 笔往来。
          {payload.reward === null ? "按时回款奖励未启用，对账单不列奖励。" : "对账单列出客户累计获得和已使用的按时回款奖励。"}
        </p>
        <div className="no-print mt-4 flex flex-wrap items-center gap-3">
          {canIssue ? (
            <form method="post" action="/documents/statement/issue">
              {Object.entries(values).map(([key, value]) => (
                <input key={key} type="hidden" name={key} value={value} />
              ))}
              <button
                type="submit"
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                出具并下载
              </button>
            </form>
          ) : (
            <span className="text-sm text-slate-500">您的角色只能预览，出具请联系财务或业务员。</span>
          )}
          <a href={`/documents/statement/pdf?${previewQuery}`} target="_blank" className="text-sm text-brand-700 underline">
            在新窗口打开预览
          </a>
        </div>
      </Card>
      <PreviewFrame name={FRAME_NAME} src={`/documents/statement/pdf?${previewQuery}`} title="对账单预览" />
    </>
  );
}
