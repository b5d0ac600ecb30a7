"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { failedForm, type FormState, formValues } from "../lib/form-state";

export async function saveCompanyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.settings.saveCompany({
      name: values.name ?? "",
      address: values.address ?? "",
      phone: values.phone ?? "",
      bankName: values.bankName ?? "",
      bankAccountName: values.bankAccountName ?? "",
      bankAccountNumber: values.bankAccountNumber ?? "",
      signatory: values.signatory ?? "",
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect("/settings?notice=company-saved");
}

// The staff and business type forms share the page with the company form.
// Their inputs carry prefixed names (staffName) so element ids stay unique,
// and the procedures' field errors are renamed to match.

export async function addStaffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.settings.addStaff({ name: values.staffName ?? "", phone: values.staffPhone ?? "" });
  } catch (error) {
    return renameFieldErrors(failedForm(error, values), { name: "staffName", phone: "staffPhone" });
  }

  revalidatePath("/", "layout");
  redirect("/settings?notice=staff-added");
}

export async function addBusinessTypeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.settings.addBusinessType({ name: values.businessTypeName ?? "" });
  } catch (error) {
    return renameFieldErrors(failedForm(error, values), { name: "businessTypeName" });
  }

  revalidatePath("/", "layout");
  redirect("/settings?notice=business-type-added");
}

function renameFieldErrors(state: FormState, names: Record<string, string>): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(state.fieldErrors)) {
    fieldErrors[names[key] ?? key] = message;
  }
  return { ...state, fieldErrors };
}
