import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { clockFromEnv } from "../../../server/clock";
import { serverCaller } from "../../../server/context";
import { formatChineseDate } from "../../../server/domain/dates";
import { formatYuan } from "../../../server/domain/money";
import { FILTER_INPUT, FilterField, FilterForm } from "../../components/filter-form";
import { Alert, ButtonLink, Card, Money, PageHeader, Stat } from "../../components/ui";
import { type Access, access } from "../../lib/auth";
import { load } from "../../lib/errors";
import { lookup, numberParam, param, routeId, type SearchParams } from "../../lib/params";
import { CollectionFlags, CollectionsSection } from "./collections-section";
import { ContractLedger, type PlannedRow } from "./contract-ledger";
import type { Ledger } from "./ledger-types";
import { PaymentHistory } from "./payment-history";
import { PrintButton } from "./print-button";
import { IssuedDocuments } from "./issued-documents";
import { AuditTable } from "../../components/audit-table";
import { CreditSection } from "./credit-section";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "客户详情" };

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Client = Ledger["client"];

const NOTICES: Record<string, string> = {
  "client-created": "客户已创建。可以继续为该客户新增合同。",
  "client-updated": "客户资料已保存。",
  "contract-created": "合同已保存。",
  "contract-updated": "合同修改已保存。",
  "contract-credit-warned": "合同已保存，但有信用提示，请查看下方的信用状况。",
  "credit-limit-saved": "信用额度已保存。",
  blacklisted: "客户已列入拒绝合作名单。",
  "blacklist-lifted": "客户已移出拒绝合作名单。",
  "reward-redeemed": "奖励使用已登记。",
  "redemption-voided": "奖励使用记录已作废。",
};

export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const clientId = routeId((await params).id);
  if (Number.isNaN(clientId)) notFound();
  const query = await searchParams;
  const caller = await serverCaller();
  const user = await access();

  const result = await load(() => caller.clients.ledger({ clientId, asOf: param(query, "asOf") }));
  if (!result.ok) {
    // A bad as-of date still shows whose page this is, with the message.
    const client = await load(() => caller.clients.get({ clientId }));
    return (
      <>
        {client.ok ? <ClientHeader client={client.data} asOf={param(query, "asOf") ?? ""} user={user} /> : null}
        <AsOfForm clientId={clientId} asOf={param(query, "asOf")} />
        <Alert>{result.message}</Alert>
      </>
    );
  }

  const ledger = result.data;
  return (
    <>
      <ClientHeader client={ledger.client} asOf={ledger.asOf} user={user} />
      <Notice query={query} />
      <CollectionFlags caller={caller} clientId={clientId} asOf={ledger.asOf} />
      <ClientDetails client={ledger.client} />
      <AsOfForm clientId={clientId} asOf={ledger.asOf} />
      <Balances ledger={ledger} />
      <CreditSection
        caller={caller}
        clientId={clientId}
        asOf={ledger.asOf}
        today={clockFromEnv().today()}
        user={user}
        contracts={ledger.contracts.map((contract) => ({ id: contract.id, contractNo: contract.contractNo }))}
      />
      <Card title={`合同与收款计划（${ledger.contracts.length} 份）`}>
        <ContractSection caller={caller} ledger={ledger} user={user} />
      </Card>
      <Card title="回款记录">
        <PaymentSection ledger={ledger} user={user} />
      </Card>
      <CollectionsSection caller={caller} clientId={clientId} asOf={ledger.asOf} user={user} query={query} />
      <IssuedDocuments caller={caller} clientId={clientId} canIssue={user.can("documents.issueLetter")} />
      {user.can("audit.forClient") ? <ClientHistory caller={caller} clientId={clientId} /> : null}
    </>
  );
}

/** The client's audit trail: its own changes, its contracts' and its payments'. */
async function ClientHistory({ caller, clientId }: { caller: Awaited<ReturnType<typeof serverCaller>>; clientId: number }) {
  const history = await load(() => caller.audit.forClient({ clientId }));
  return (
    <Card title="变更记录">
      {history.ok ? (
        <AuditTable rows={history.data.rows} timeZone={clockFromEnv().timeZone} />
      ) : (
        <Alert>{history.message}</Alert>
      )}
    </Card>
  );
}

function ClientHeader({ client, asOf, user }: { client: Client; asOf: string; user: Access }) {
  const asOfQuery = asOf ? `?asOf=${asOf}` : "";
  return (
    <PageHeader
      title={client.name}
      subtitle={asOf ? `截至 ${formatChineseDate(asOf)} 的合同、收款与余额` : undefined}
      actions={
        <>
          {user.can("clients.update") ? <ButtonLink href={`/clients/${client.id}/edit`}>编辑</ButtonLink> : null}
          {user.can("contracts.create") ? (
            <ButtonLink href={`/contracts/new?clientId=${client.id}`}>新增合同</ButtonLink>
          ) : null}
          {user.can("payments.record") ? (
            <ButtonLink href={`/payments/new?clientId=${client.id}`} variant="primary">
              登记回款
            </ButtonLink>
          ) : null}
          {user.can("documents.issueLetter") ? (
            <ButtonLink href={`/documents/issue?clientId=${client.id}${asOfQuery.replace("?", "&")}`}>催款函</ButtonLink>
          ) : null}
          <ButtonLink href={`/documents/statement?clientId=${client.id}`}>对账单</ButtonLink><ButtonLink href={`/documents/situation?kind=client&clientId=${client.id}`}>情况说明</ButtonLink>
          <ButtonLink href={`/export/contacts?format=xlsx&clientId=${client.id}&voided=1`} download>导出催收记录</ButtonLink>
          <PrintButton />
        </>
      }
    />
  );
}

function Notice({ query }: { query: SearchParams }) {
  const notice = lookup(NOTICES, param(query, "notice"));
  const credit = numberParam(query, "creditApplied");
  const creditNote =
    credit !== undefined && Number.isSafeInteger(credit) && credit > 0
      ? `已用该客户的预收款 ${formatYuan(credit)} 自动核销新的收款计划。`
      : null;
  if (!notice && !creditNote) return null;
  return (
    <Alert tone="success">
      {notice} {creditNote}
    </Alert>
  );
}

function ClientDetails({ client }: { client: Client }) {
  const item = (label: string, value: ReactNode) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{value || <span className="text-slate-400">—</span>}</dd>
    </div>
  );
  return (
    <Card>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {item("联系人", client.contactPerson)}
        {item("联系电话", <span className="tabular-nums">{client.phone}</span>)}
        {item("地址", client.address)}
        {item("业务员", client.accountManagerName ?? "未指定")}
      </dl>
      {client.notes ? (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <div className="text-xs text-slate-500">备注</div>
          <p className="mt-0.5 text-sm whitespace-pre-wrap text-slate-800">{client.notes}</p>
        </div>
      ) : null}
    </Card>
  );
}

function AsOfForm({ clientId, asOf }: { clientId: number; asOf?: string }) {
  return (
    <FilterForm resetHref={`/clients/${clientId}`}>
      <FilterField label="截止日期">
        <input type="date" name="asOf" defaultValue={asOf} className={FILTER_INPUT} />
      </FilterField>
      <p className="pb-2 text-xs text-slate-500">本页所有金额、逾期天数与回款记录都按截止日期计算。</p>
    </FilterForm>
  );
}

function Balances({ ledger }: { ledger: Ledger }) {
  const { contracted, received, applied, outstanding, overdue, credit } = ledger.totals;
  return (
    <>
      <div className="mb-3 grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="合同总额" value={<Money fen={contracted} />} note="截止日期前签订的合同" />
        <Stat label="已收" value={<Money fen={received} tone="success" />} note="有效回款（不含已冲销）" />
        <Stat label="已核销" value={<Money fen={applied} />} note="已对应到分期的回款" />
        <Stat label="应收余额" value={<Money fen={outstanding} />} note="合同总额 − 已核销" />
        <Stat label="逾期" value={<Money fen={overdue} tone="danger" />} note="到期未收的部分" />
        <Stat label="预收款" value={<Money fen={credit} tone="success" />} note="已收 − 已核销" />
      </div>
      <p className="mb-5 text-sm text-slate-600 tabular-nums">
        合同总额 − 已收款 = 应收余额 − 预收款：{formatYuan(contracted)} − {formatYuan(received)} ={" "}
        {formatYuan(outstanding)} − {formatYuan(credit)}
        <span className="text-slate-400">（两边均为 {formatYuan(contracted - received)}）</span>
      </p>
    </>
  );
}

async function ContractSection({ caller, ledger, user }: { caller: Caller; ledger: Ledger; user: Access }) {
  const editableIds = user.can("contracts.update")
    ? new Set(await caller.contracts.editableIds({ clientId: ledger.client.id }))
    : null;

  // Balances leave out contracts signed after the as-of date, so their plans
  // are loaded separately to be shown greyed.
  const futurePlans = new Map<number, PlannedRow[]>();
  for (const contract of ledger.contracts.filter((c) => !c.signedByAsOf)) {
    const detail = await caller.contracts.get({ contractId: contract.id });
    futurePlans.set(contract.id, detail.installments);
  }

  return (
    <ContractLedger
      contracts={ledger.contracts}
      asOf={ledger.asOf}
      editableIds={editableIds}
      futurePlans={futurePlans}
    />
  );
}

function PaymentSection({ ledger, user }: { ledger: Ledger; user: Access }) {
  const receivedByAsOf = ledger.payments.filter((payment) => payment.receivedOn <= ledger.asOf);
  const signedContractNos = new Set(ledger.contracts.filter((c) => c.signedByAsOf).map((c) => c.contractNo));
  return (
    <PaymentHistory
      payments={receivedByAsOf}
      laterCount={ledger.payments.length - receivedByAsOf.length}
      signedContractNos={signedContractNos}
      timeZone={clockFromEnv().timeZone}
      canReverse={user.can("payments.reverse")}
    />
  );
}
