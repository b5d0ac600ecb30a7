"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { failedForm, type FormState, formValues } from "../lib/form-state";

/** Reads a percentage such as "0.5" as whole basis points (万分点), or NaN when it is not one. */
function basisPointsOf(text: string): number {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Saves the on-time reward rule (按时回款奖励). The rate is typed in percent with at most two decimals. */
export async function saveRewardRuleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const percent = values.percent ?? "";
  const basisPoints = basisPointsOf(percent);
  if (Number.isNaN(basisPoints)) {
    const message = `奖励比例 "${percent.slice(0, 20)}" 无效，请填写如 0.5 的百分数，最多两位小数`;
    return { values, fieldErrors: { percent: message }, message };
  }
  try {
    const caller = await serverCaller();
    await caller.rewards.saveRule({
      enabled: values.enabled === "on",
      basisPoints,
      kind: values.kind === "points" ? "points" : "rebate",
      startsOn: values.startsOn ?? "",
    });
  } catch (error) {
    const failed = failedForm(error, values);
    const rateError = failed.fieldErrors.basisPoints;
    return rateError ? { ...failed, fieldErrors: { ...failed.fieldErrors, percent: rateError } } : failed;
  }
  revalidatePath("/", "layout");
  redirect("/settings?notice=reward-rule-saved#rewards");
}
