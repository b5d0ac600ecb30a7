import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { serverCaller } from "../../../server/context";
import { Alert, ButtonLink, Card, Money, PageHeader, Stat } from "../../components/ui";
import { access } from "../../lib/auth";
import { load } from "../../lib/errors";
import { param, routeId, type SearchParams } from "../../lib/params";
import { AllocationTable, firstLoadError, PaymentFacts, ReversalNotice } from "../payment-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "回款详情" };

export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const notice = param(await searchParams, "notice");
  const paymentId = routeId(id);
  // A non-numeric segment such as /payments/abc names no payment.
  if (Number.isNaN(paymentId)) notFound();

  const user = await access();
  const caller = await serverCaller();
  const [result, clock] = await Promise.all([
    load(() => caller.payments.get({ paymentId })),
    load(() => caller.settings.clock()),
  ]);
  if (!result.ok || !clock.ok) {
    return (
      <>
        <PageHeader title="回款详情" actions={<ButtonLink href="/payments">回款记录</ButtonLink>} />
        <Alert>{firstLoadError(result, clock)}</Alert>
      </>
    );
  }

  const payment = result.data;
  const reversed = payment.reversedAt !== null;
  return (
    <>
      <PageHeader
        title={`回款详情 #${payment.id}`}
        subtitle={`${payment.clientName} · ${payment.receivedOn} · ${payment.method}`}
        actions={
          <>
            {reversed || !user.can("payments.reverse") ? null : (
              <ButtonLink href={`/payments/${payment.id}/reverse`}>冲销</ButtonLink>
            )}
            <ButtonLink href={`/clients/${payment.clientId}`}>客户详情</ButtonLink>
            {user.can("payments.record") ? (
              <ButtonLink href={`/payments/new?clientId=${payment.clientId}`} variant="primary">
                继续登记回款
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {notice === "payment-recorded" && !reversed ? <RecordedNotice applied={payment.applied} credit={payment.unapplied} /> : null}
      {notice === "payment-reversed" && reversed ? (
        <Alert tone="success">冲销成功。该笔回款的核销已撤回，相关分期恢复为未收；客户如有其他预收款，已自动冲抵。</Alert>
      ) : null}
      <ReversalNotice payment={payment} timeZone={clock.data.timeZone} />

      <div className="mb-5 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="收款金额" value={<Money fen={payment.amount} />} note={reversed ? "已冲销，不计入回款" : undefined} />
        <Stat label="已核销" value={<Money fen={payment.applied} />} note={`${payment.allocations.filter((line) => !line.reversedAt).length} 笔分期`} />
        <Stat
          label="预收款（未核销）"
          value={<Money fen={payment.unapplied} tone="success" />}
          note={payment.unapplied > 0 ? "将自动冲抵客户以后的应收" : undefined}
        />
      </div>

      <Card title="回款信息">
        <PaymentFacts payment={payment} timeZone={clock.data.timeZone} />
      </Card>
      <Card title="核销明细">
        <AllocationTable payment={payment} />
      </Card>
    </>
  );
}

function RecordedNotice({ applied, credit }: { applied: number; credit: number }) {
  return (
    <Alert tone="success">
      回款已登记：核销 <Money fen={applied} />
      {credit > 0 ? <>，其余 <Money fen={credit} /> 计入预收款，将自动冲抵该客户以后的应收</> : null}。
    </Alert>
  );
}
