"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { failedForm, type FormState, formValues, readId, readYuan } from "../lib/form-state";

/** Returns the address of the client page's credit section with a notice, where each credit form goes after success. */
function creditSection(clientId: number | null, notice: string): string {
  return `/clients/${clientId ?? ""}?notice=${notice}#credit`;
}

/** Sets the client's credit limit (信用额度). An empty amount clears it. */
export async function setCreditLimitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const clientId = readId(values, "clientId");
  const errors: Record<string, string> = {};
  const text = values.creditLimit?.trim() ?? "";
  const creditLimit = text === "" ? null : readYuan(values, "creditLimit", "信用额度", errors);
  if (Object.keys(errors).length > 0) return { values, fieldErrors: errors, message: Object.values(errors).join("；") };
  try {
    const caller = await serverCaller();
    await caller.credit.setLimit({ clientId: clientId ?? NaN, creditLimit });
  } catch (error) {
    return failedForm(error, values);
  }
  revalidatePath("/", "layout");
  redirect(creditSection(clientId, "credit-limit-saved"));
}

/** Puts the client on the blacklist (拒绝合作) with a reason. */
export async function blacklistAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const clientId = readId(values, "clientId");
  try {
    const caller = await serverCaller();
    await caller.credit.blacklist({ clientId: clientId ?? NaN, reason: values.reason ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }
  revalidatePath("/", "layout");
  redirect(creditSection(clientId, "blacklisted"));
}

/** Takes the client off the blacklist with a reason. */
export async function liftBlacklistAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const clientId = readId(values, "clientId");
  try {
    const caller = await serverCaller();
    await caller.credit.lift({ clientId: clientId ?? NaN, reason: values.reason ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }
  revalidatePath("/", "layout");
  redirect(creditSection(clientId, "blacklist-lifted"));
}

/** Records a use of the client's on-time reward (奖励使用). */
export async function redeemRewardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const clientId = readId(values, "clientId");
  const errors: Record<string, string> = {};
  const amount = readYuan(values, "amount", "使用金额", errors);
  if (Object.keys(errors).length > 0) return { values, fieldErrors: errors, message: Object.values(errors).join("；") };
  try {
    const caller = await serverCaller();
    await caller.rewards.redeem({
      clientId: clientId ?? NaN,
      amount,
      usedOn: values.usedOn ?? "",
      contractId: readId(values, "contractId"),
      note: values.note ?? "",
    });
  } catch (error) {
    return failedForm(error, values);
  }
  revalidatePath("/", "layout");
  redirect(creditSection(clientId, "reward-redeemed"));
}

/** Voids a use of reward with a reason. The use stays listed, marked voided. */
export async function voidRedemptionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const clientId = readId(values, "clientId");
  try {
    const caller = await serverCaller();
    await caller.rewards.voidRedemption({ redemptionId: readId(values, "redemptionId") ?? NaN, reason: values.reason ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }
  revalidatePath("/", "layout");
  redirect(creditSection(clientId, "redemption-voided"));
}
