import type { Metadata } from "next";

import { serverCaller } from "../../../server/context";
import { startOfMonth } from "../../../server/domain/dates";
import { FILTER_INPUT, FilterField, FilterForm } from "../../components/filter-form";
import { Alert, Card, EmptyState, PageHeader } from "../../components/ui";
import { access } from "../../lib/auth";
import { load } from "../../lib/errors";
import { param, type SearchParams } from "../../lib/params";
import { SituationEditor } from "./situation-editor";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "情况说明" };

type Caller = Awaited<ReturnType<typeof serverCaller>>;

interface DraftValues {
  kind: "client" | "summary";
  clientId: string;
  addressedTo: string;
  asOf: string;
  from: string;
  to: string;
  top: string;
}

export default async function SituationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
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
        <SituationHeader />
        <Alert>{!clients.ok ? clients.message : !clock.ok ? clock.message : ""}</Alert>
      </>
    );
  }

  const today = clock.data.today;
  const values: DraftValues = {
    kind: param(query, "kind") === "summary" ? "summary" : "client",
    clientId: param(query, "clientId") ?? "",
    addressedTo: param(query, "addressedTo") === "client" ? "client" : "management",
    asOf: param(query, "asOf") ?? today,
    from: param(query, "from") ?? startOfMonth(today),
    to: param(query, "to") ?? today,
    top: param(query, "top") ?? "5",
  };
  const ready = values.kind === "summary" || values.clientId !== "";

  return (
    <>
      <SituationHeader />
      <KindTabs values={values} />
      <FilterForm>
        <input type="hidden" name="kind" value={values.kind} />
        {values.kind === "client" ? (
          <>
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
            <FilterField label="致送对象">
              <select name="addressedTo" defaultValue={values.addressedTo} className={FILTER_INPUT}>
                <option value="management">公司领导</option>
                <option value="client">客户</option>
              </select>
            </FilterField>
            <FilterField label="截止日期">
              <input type="date" name="asOf" defaultValue={values.asOf} max={today} className={FILTER_INPUT} />
            </FilterField>
          </>
        ) : (
          <>
            <FilterField label="开始日期">
              <input type="date" name="from" defaultValue={values.from} className={FILTER_INPUT} />
            </FilterField>
            <FilterField label="结束日期">
              <input type="date" name="to" defaultValue={values.to} max={today} className={FILTER_INPUT} />
            </FilterField>
            <FilterField label="列出欠款最多的客户数">
              <input type="number" name="top" min={1} max={50} defaultValue={values.top} className={FILTER_INPUT} />
            </FilterField>
          </>
        )}
      </FilterForm>
      {ready ? (
        <Draft caller={caller} values={values} today={today} canIssue={user.can("statements.issueSituation")} />
      ) : (
        <Card>
          <EmptyState title="请选择客户">
            系统按客户的合同、付款、欠款和催收记录起草情况说明，您可逐段修改并预览后再出具。
          </EmptyState>
        </Card>
      )}
    </>
  );
}

function SituationHeader() {
  return (
    <PageHeader
      title="情况说明"
      subtitle="按称谓、事实、总结、特此说明、落款五部分起草；修改后预览，确认无误再出具。"
    />
  );
}

function KindTabs({ values }: { values: DraftValues }) {
  const tabs = [
    { kind: "client", label: "单个客户情况说明", href: "/documents/situation?kind=client" },
    { kind: "summary", label: "回款情况汇总说明", href: "/documents/situation?kind=summary" },
  ];
  return (
    <nav className="no-print mb-4 flex gap-2 text-sm">
      {tabs.map((tab) => (
        <a
          key={tab.kind}
          href={tab.href}
          aria-current={tab.kind === values.kind ? "page" : undefined}
          className={
            tab.kind === values.kind
              ? "rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white"
              : "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50"
          }
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}

async function Draft({
  caller,
  values,
  today,
  canIssue,
}: {
  caller: Caller;
  values: DraftValues;
  today: string;
  canIssue: boolean;
}) {
  if (values.kind === "client") {
    const clientId = /^\d+$/.test(values.clientId) ? Number(values.clientId) : Number.NaN;
    if (Number.isNaN(clientId)) {
      return <Alert>链接中的客户编号 “{values.clientId.slice(0, 20)}” 无效，请在上面重新选择客户。</Alert>;
    }
    const result = await load(() =>
      caller.statements.draftClientSituation({
        clientId,
        asOf: values.asOf,
        addressedTo: values.addressedTo === "client" ? "client" : "management",
      }),
    );
    if (!result.ok) return <Alert>{result.message}</Alert>;
    return (
      <SituationEditor
        key={JSON.stringify(values)}
        kind="situation_client"
        clientId={clientId}
        parts={result.data.parts}
        today={today}
        canIssue={canIssue}
      />
    );
  }

  const top = /^\d+$/.test(values.top) ? Number(values.top) : Number.NaN;
  const result = await load(() =>
    caller.statements.draftSummarySituation({ from: values.from, to: values.to, top }),
  );
  if (!result.ok) return <Alert>{result.message}</Alert>;
  return (
    <SituationEditor
      key={JSON.stringify(values)}
      kind="situation_summary"
      clientId={null}
      parts={result.data.parts}
      today={today}
      canIssue={canIssue}
    />
  );
}
