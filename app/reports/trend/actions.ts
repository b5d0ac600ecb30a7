"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../../server/context";
import { type FormState, failedForm, formValues } from "../../lib/form-state";

const TREND_PATH = "/reports/trend";

/**
 * Saves or clears (button `intent` = "clear") the note of a month, then
 * returns to the trend view the form was on.
 */
export async function annotateMonthAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const month = values.month ?? "";
  const clearing = values.intent === "clear";
  try {
    const caller = await serverCaller();
    if (clearing) await caller.trend.clearAnnotation({ month });
    else await caller.trend.saveAnnotation({ month, note: values.note ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath(TREND_PATH);
  redirect(returnPath(values.returnQuery, clearing ? "cleared" : "saved", month));
}

/** Builds the trend page path with the query the form came from, so a form cannot redirect elsewhere. */
function returnPath(returnQuery: string | undefined, notice: string, month: string): string {
  const search = new URLSearchParams(returnQuery ?? "");
  search.set("notice", notice);
  search.set("noted", month);
  return `${TREND_PATH}?${search.toString()}`;
}
