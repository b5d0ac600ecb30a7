"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { failedForm, type FormState, formValues } from "../lib/form-state";

/** Saves the aging bucket bounds typed as "30, 60, 90, 180, 365". */
export async function saveAgingBoundsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const text = values.agingBounds?.trim() ?? "";
  const tokens = text === "" ? [] : text.split(/[\s,，、;；]+/).filter(Boolean);
  if (tokens.length === 0) {
    const message = "请填写账龄分界天数，如 30, 60, 90, 180, 365";
    return { values, fieldErrors: { agingBounds: message }, message };
  }
  const wrong = tokens.find((token) => !/^\d{1,6}$/.test(token));
  if (wrong !== undefined) {
    const message = `分界天数 "${wrong.slice(0, 20)}" 不是正整数，请填写如 30, 60, 90, 180, 365 的天数`;
    return { values, fieldErrors: { agingBounds: message }, message };
  }
  try {
    const caller = await serverCaller();
    await caller.aging.saveBounds({ bounds: tokens.map(Number) });
  } catch (error) {
    const state = failedForm(error, values);
    const fieldError = state.fieldErrors.bounds ?? Object.values(state.fieldErrors)[0] ?? state.message ?? undefined;
    return { ...state, fieldErrors: fieldError ? { agingBounds: fieldError } : {} };
  }

  revalidatePath("/", "layout");
  redirect("/settings?notice=aging-saved");
}
