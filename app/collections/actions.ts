"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { failedForm, type FormState, formValues, readId, readYuan } from "../lib/form-state";

/** The page to return to: a path on this site from the form, else `fallback`. */
function returnPath(values: Record<string, string>, fallback: string): string {
  const target = values.returnTo ?? "";
  return target.startsWith("/") && !target.startsWith("//") ? target : fallback;
}

/** `path` with ?notice= (and an anchor) appended. */
function withNotice(path: string, notice: string, anchor: string): string {
  const [base] = path.split("#");
  const separator = base!.includes("?") ? "&" : "?";
  return `${base}${separator}notice=${notice}#${anchor}`;
}

/** Logs a contact (记录催收), with the promise to pay made in it when one is typed. */
export async function logContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const errors: Record<string, string> = {};
  const clientId = readId(values, "clientId") ?? NaN;
  const promiseTyped = (values["promise.amount"] ?? "").trim() !== "" || (values["promise.promisedOn"] ?? "").trim() !== "";
  const amount = promiseTyped ? readYuan(values, "promise.amount", "承诺金额", errors) : 0;
  if (Object.keys(errors).length > 0) {
    return { values, fieldErrors: errors, message: Object.values(errors).join("；") };
  }

  try {
    const caller = await serverCaller();
    await caller.collections.logContact({
      clientId,
      contractId: readId(values, "contractId"),
      contactedAt: values.contactedAt ?? "",
      channel: (values.channel ?? "") as "电话",
      person: values.person ?? "",
      staffId: readId(values, "staffId"),
      outcome: values.outcome ?? "",
      reasonId: readId(values, "reasonId"),
      nextFollowUpOn: values.nextFollowUpOn ?? "",
      promise: promiseTyped ? { amount, promisedOn: values["promise.promisedOn"] ?? "" } : null,
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(withNotice(returnPath(values, `/clients/${clientId}`), "contact-logged", "collections"));
}

/** Corrects a contact; the procedure allows only its author, on the day it was recorded. */
export async function updateContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.collections.updateContact({
      contactId: readId(values, "contactId") ?? NaN,
      contractId: readId(values, "contractId"),
      contactedAt: values.contactedAt ?? "",
      channel: (values.channel ?? "") as "电话",
      person: values.person ?? "",
      staffId: readId(values, "staffId"),
      outcome: values.outcome ?? "",
      reasonId: readId(values, "reasonId"),
      nextFollowUpOn: values.nextFollowUpOn ?? "",
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(withNotice(returnPath(values, "/worklist"), "contact-updated", "collections"));
}

/** Voids a contact (作废) with a reason; it stays in the log marked voided. */
export async function voidContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.collections.voidContact({ contactId: readId(values, "contactId") ?? NaN, reason: values.reason ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(withNotice(returnPath(values, "/worklist"), "contact-voided", "collections"));
}

/** Records a promise to pay (承诺付款) made outside a logged contact. */
export async function recordPromiseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const errors: Record<string, string> = {};
  const amount = readYuan(values, "amount", "承诺金额", errors);
  if (Object.keys(errors).length > 0) {
    return { values, fieldErrors: errors, message: Object.values(errors).join("；") };
  }
  const clientId = readId(values, "clientId") ?? NaN;
  try {
    const caller = await serverCaller();
    await caller.collections.recordPromise({
      clientId,
      contractId: readId(values, "contractId"),
      amount,
      promisedOn: values.promisedOn ?? "",
      note: values.note ?? "",
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(withNotice(returnPath(values, `/clients/${clientId}`), "promise-recorded", "collections"));
}

/** Voids a promise to pay entered by mistake. */
export async function voidPromiseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.collections.voidPromise({ promiseId: readId(values, "promiseId") ?? NaN, reason: values.reason ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(withNotice(returnPath(values, "/worklist"), "promise-voided", "collections"));
}

/** Marks an installment as disputed (有争议). */
export async function openDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.collections.openDispute({
      installmentId: readId(values, "installmentId") ?? NaN,
      reason: values.reason ?? "",
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(withNotice(returnPath(values, "/worklist"), "dispute-opened", "disputes"));
}

/** Resolves a dispute with a note; it stays in the history. */
export async function resolveDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.collections.resolveDispute({ disputeId: readId(values, "disputeId") ?? NaN, note: values.note ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(withNotice(returnPath(values, "/worklist"), "dispute-resolved", "disputes"));
}

/** Adds a reason for not paying to the list users pick from. */
export async function addReasonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.collections.addReason({ name: values.name ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect("/settings/collection-reasons?notice=added");
}

/** Renames a reason and sets whether it is offered (停用 keeps it on old contacts). */
export async function updateReasonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.collections.updateReason({
      reasonId: readId(values, "reasonId") ?? NaN,
      name: values.name ?? "",
      active: values.active === "1",
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect("/settings/collection-reasons?notice=updated");
}
