"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { type FormState, failedForm, formValues, readId } from "../lib/form-state";

function clientFields(values: Record<string, string>) {
  return {
    name: values.name ?? "",
    contactPerson: values.contactPerson ?? "",
    phone: values.phone ?? "",
    address: values.address ?? "",
    accountManagerId: readId(values, "accountManagerId"),
    notes: values.notes ?? "",
  };
}

export async function createClientAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let clientId: number;
  try {
    const caller = await serverCaller();
    ({ clientId } = await caller.clients.create(clientFields(values)));
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/clients");
  redirect(`/clients/${clientId}?notice=client-created`);
}

/** Saves an edited client, if `version` is still the one the form was loaded with. */
export async function updateClientAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  // An unreadable id goes to the procedure as NaN, which it rejects by name.
  const clientId = readId(values, "clientId") ?? NaN;
  try {
    const caller = await serverCaller();
    await caller.clients.update({
      ...clientFields(values),
      clientId,
      version: readId(values, "version") ?? NaN,
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/clients");
  revalidatePath(`/clients/${clientId}`);
  redirect(`/clients/${clientId}?notice=client-updated`);
}
