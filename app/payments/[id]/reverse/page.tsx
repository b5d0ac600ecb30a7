import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { serverCaller } from "../../../../server/context";
import { Alert, ButtonLink, Card, PageHeader } from "../../../components/ui";
import { requireAccess } from "../../../lib/auth";
import { load } from "../../../lib/errors";
import { routeId } from "../../../lib/params";
import { AllocationTable, firstLoadError, PaymentFacts, ReversalNotice } from "../../payment-view";
import { ReverseForm } from "../../reverse-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "冲销回款" };

export default async function ReversePaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const paymentId = routeId(id);
  // A non-numeric segment such as /payments/abc names no payment.
  if (Number.isNaN(paymentId)) notFound();

  await requireAccess("payments.reverse");
  const caller = await serverCaller();
  const [result, clock] = await Promise.all([
    load(() => caller.payments.get({ paymentId })),
    load(() => caller.settings.clock()),
  ]);
  if (!result.ok || !clock.ok) {
    return (
      <>
        <PageHeader title="冲销回款" actions={<ButtonLink href="/payments">回款记录</ButtonLink>} />
        <Alert>{firstLoadError(result, clock)}</Alert>
      </>
    );
  }

  const payment = result.data;
  return (
    <>
      <PageHeader
        title={`冲销回款 #${payment.id}`}
        subtitle="用于更正录错的回款：记录保留并标记为已冲销，核销的分期恢复为未收"
        actions={<ButtonLink href={`/payments/${payment.id}`}>返回回款详情</ButtonLink>}
      />
      <Card title="回款信息">
        <PaymentFacts payment={payment} timeZone={clock.data.timeZone} />
      </Card>
      <Card title={payment.reversedAt ? "核销明细" : "将被撤回的核销"}>
        <AllocationTable payment={payment} />
      </Card>
      {payment.reversedAt ? (
        <ReversalNotice payment={payment} timeZone={clock.data.timeZone} />
      ) : (
        <Card title="冲销">
          <Alert tone="warning">
            冲销后，该笔回款不再计入客户的已收款，上表中的分期将恢复为未收；客户的其他预收款会自动冲抵这些分期。如果只是金额录错，冲销后请重新登记正确的回款。
          </Alert>
          <ReverseForm paymentId={payment.id} />
        </Card>
      )}
    </>
  );
}
