import { randomUUID } from "node:crypto";

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { serverCaller } from "../../../server/context";
import { formatYuan } from "../../../server/domain/money";
import { PAYMENT_METHODS } from "../../../server/services/payments";
import { Alert, ButtonLink, Card, EmptyState, Money, PageHeader } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { param, routeId, type SearchParams } from "../../lib/params";
import { ClientPicker } from "../client-picker";
import { PaymentForm } from "../payment-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "登记回款" };

export default async function NewPaymentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  await requireAccess("payments.record");
  const caller = await serverCaller();
  const [clients, clock] = await Promise.all([
    load(() => caller.clients.list({})),
    load(() => caller.settings.clock()),
  ]);
  if (!clients.ok) return <NewPaymentShell><Alert>{clients.message}</Alert></NewPaymentShell>;
  if (!clock.ok) return <NewPaymentShell><Alert>{clock.message}</Alert></NewPaymentShell>;

  if (clients.data.length === 0) {
    return (
      <NewPaymentShell>
        <Card>
          <EmptyState title="还没有客户">
            回款要登记在客户名下，请先<Link href="/clients/new" className="text-brand-700 underline">新增客户</Link>。
          </EmptyState>
        </Card>
      </NewPaymentShell>
    );
  }

  const clientParam = param(params, "clientId");
  const client = clientParam === undefined
    ? undefined
    : clients.data.find((candidate) => candidate.id === routeId(clientParam));

  return (
    <NewPaymentShell>
      <Card title="第一步：选择付款客户">
        {clientParam !== undefined && !client ? (
          <Alert>链接中的客户编号 “{clientParam.slice(0, 20)}” 不存在，请在下面重新选择客户。</Alert>
        ) : null}
        <ClientPicker clients={clients.data} selectedId={client ? String(client.id) : ""} />
      </Card>
      {client ? (
        <ClientPaymentCard clientId={client.id} clientName={client.name} today={clock.data.today} />
      ) : (
        <p className="text-sm text-slate-500">选择客户后填写收款日期、金额和方式；可指定本笔回款支付的合同。</p>
      )}
    </NewPaymentShell>
  );
}

function NewPaymentShell({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader
        title="登记回款"
        subtitle="按银行到账登记；登记后立即核销客户的未收款"
        actions={<ButtonLink href="/payments">回款记录</ButtonLink>}
      />
      {children}
    </>
  );
}

async function ClientPaymentCard({ clientId, clientName, today }: { clientId: number; clientName: string; today: string }) {
  const caller = await serverCaller();
  const [contracts, ledger] = await Promise.all([
    load(() => caller.payments.openContracts({ clientId })),
    load(() => caller.clients.ledger({ clientId })),
  ]);
  if (!contracts.ok) return <Alert>{contracts.message}</Alert>;

  const outstanding = contracts.data.reduce((sum, contract) => sum + contract.outstanding, 0);
  const credit = ledger.ok ? ledger.data.totals.credit : 0;
  const options = contracts.data.map((contract) => ({
    value: String(contract.id),
    label: `${contract.contractNo} · ${contract.title} · 未收 ${formatYuan(contract.outstanding)} · 最早到期 ${contract.earliestDueDate}`,
  }));

  return (
    <Card
      title={`第二步：回款信息 — ${clientName}`}
      actions={<Link href={`/clients/${clientId}`} className="text-brand-600 hover:underline">查看客户 →</Link>}
    >
      <p className="mb-4 text-sm text-slate-600">
        {contracts.data.length > 0 ? (
          <>该客户当前未收合计 <Money fen={outstanding} tone="danger" />（{contracts.data.length} 个合同）</>
        ) : (
          "该客户当前没有未收款"
        )}
        {credit > 0 ? <>，现有预收款 <Money fen={credit} tone="success" /></> : null}。
      </p>
      <PaymentForm
        clientId={clientId}
        today={today}
        methods={PAYMENT_METHODS}
        contracts={options}
        initialValues={{ requestKey: randomUUID() }}
      />
    </Card>
  );
}
