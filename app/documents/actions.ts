"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { isLetterLevel, type LetterLevel } from "../../server/domain/document-number";
import { failedForm, type FormState, formValues, readId } from "../lib/form-state";

/** Issues one collection letter and opens its register entry, from where it downloads. */
export async function issueLetterAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const clientId = readId(values, "clientId");
  let documentId: number;
  try {
    const caller = await serverCaller();
    ({ documentId } = await caller.documents.issueLetter({
      clientId: clientId ?? Number.NaN,
      level: (values.level ?? "") as LetterLevel,
      asOf: values.asOf || undefined,
      payBy: values.payBy || null,
    }));
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(`/documents/${documentId}?notice=issued`);
}

/** Voids an issued document with a reason; it stays in the register marked voided. */
export async function voidDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const documentId = readId(values, "documentId");
  try {
    const caller = await serverCaller();
    await caller.documents.void({ documentId: documentId ?? Number.NaN, reason: values.reason ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(`/documents/${documentId}?notice=voided`);
}

/**
 * Issues letters to the ticked clients (or every overdue client when the
 * "全部逾期客户" button was pressed) in one transaction, then starts
 * building them into one file and opens the job's progress page.
 */
export async function batchPrintAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const allOverdue = values.scope === "allOverdue";
  const clientIds = formData.getAll("clientId").map((value) => Number(value));
  const level = values.level && isLetterLevel(values.level) ? values.level : "suggested";
  const format = values.format === "zip" ? "zip" : "pdf";
  let jobId: string;
  try {
    const caller = await serverCaller();
    const batch = await caller.documents.issueBatch({
      clientIds: allOverdue ? null : clientIds,
      allOverdue,
      level,
      format,
      asOf: values.asOf || undefined,
      payBy: values.payBy || null,
    });
    ({ jobId } = await caller.documents.startBatch({ documentIds: batch.documentIds, format }));
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(`/documents/batches/${jobId}`);
}
