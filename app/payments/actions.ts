"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import type { PaymentMethod } from "../../server/services/payments";
import { failedForm, type FormState, formValues, readId, readYuan } from "../lib/form-state";

/**
 * Records a payment (登记回款) and opens its detail page, which shows how it
 * was applied.
 */
export async function recordPaymentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const errors: Record<string, string> = {};
  const clientId = readId(values, "clientId");
  if (clientId === null) errors.clientId = "请先选择客户";
  const amount = readYuan(values, "amount", "收款金额", errors);
  if (Object.keys(errors).length > 0) {
    return { values, fieldErrors: errors, message: Object.values(errors)[0]! };
  }

  let paymentId: number;
  try {
    const caller = await serverCaller();
    const result = await caller.payments.record({
      clientId: clientId!,
      receivedOn: values.receivedOn ?? "",
      amount,
      method: (values.method ?? "") as PaymentMethod,
      bankReference: values.bankReference ?? "",
      note: values.note ?? "",
      contractId: readId(values, "contractId"),
      requestKey: values.requestKey || null,
      allowDuplicateReference: values.confirmDuplicateReference === "yes",
    });
    paymentId = result.paymentId;
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(`/payments/${paymentId}?notice=payment-recorded`);
}

/**
 * Reverses (冲销) a payment entered by mistake once the user has ticked the
 * confirmation; the payment stays in the history marked reversed.
 */
export async function reversePaymentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const paymentId = readId(values, "paymentId");
  if (values.confirm !== "yes") {
    const message = "请勾选“我确认冲销该笔回款，冲销后不可撤销”后再提交";
    return { values, fieldErrors: { confirm: message }, message };
  }

  try {
    const caller = await serverCaller();
    await caller.payments.reverse({ paymentId: paymentId ?? NaN, reason: values.reason ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(`/payments/${paymentId}?notice=payment-reversed`);
}
