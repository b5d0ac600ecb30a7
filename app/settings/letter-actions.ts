"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import type { LetterLevel } from "../../server/domain/document-number";
import { failedForm, type FormState, formValues } from "../lib/form-state";

/** Saves the wording of one letter level (付款提醒函, 催款函 or 最后催告函). */
export async function saveWordingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.documents.saveWording({
      level: (values.level ?? "") as LetterLevel,
      title: values.title ?? "",
      opening: values.opening ?? "",
      request: values.request ?? "",
      consequence: values.consequence ?? "",
      clauseReference: values.clauseReference ?? "",
      closingPhrase: values.closingPhrase ?? "",
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/settings");
  redirect(`/settings?notice=wording-saved#letters`);
}

/** Removes the company seal from new documents; issued ones keep theirs. */
export async function clearSealAction(): Promise<void> {
  const caller = await serverCaller();
  await caller.documents.clearSeal();
  revalidatePath("/settings");
  redirect(`/settings?notice=seal-cleared#letters`);
}
