"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../../server/context";
import { failedForm, type FormState, formValues, readId } from "../../lib/form-state";

/** Form values to send back to the browser: never a password. */
function withoutPasswords(values: Record<string, string>): Record<string, string> {
  const rest = { ...values };
  delete rest.password;
  delete rest.passwordConfirm;
  return rest;
}

/** A failed password form, before the procedure is called. */
function passwordMismatch(values: Record<string, string>): FormState {
  return {
    values: withoutPasswords(values),
    fieldErrors: { passwordConfirm: "两次输入的密码不一致" },
    message: "两次输入的密码不一致，请重新输入",
  };
}

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  if ((values.password ?? "") !== (values.passwordConfirm ?? "")) return passwordMismatch(values);
  try {
    const caller = await serverCaller();
    await caller.users.create({
      name: values.name ?? "",
      username: values.username ?? "",
      email: values.email ?? "",
      // The procedure rejects any value that is not a role, naming it.
      role: (values.role ?? "") as "viewer",
      staffId: readId(values, "staffId"),
      password: values.password ?? "",
    });
  } catch (error) {
    return failedForm(error, withoutPasswords(values));
  }

  revalidatePath("/settings/users");
  redirect("/settings/users?notice=user-created");
}

export async function updateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const userId = values.userId ?? "";
  try {
    const caller = await serverCaller();
    await caller.users.update({
      userId,
      name: values.name ?? "",
      // The procedure rejects any value that is not a role, naming it.
      role: (values.role ?? "") as "viewer",
      staffId: readId(values, "staffId"),
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/settings/users");
  redirect(`/settings/users/${encodeURIComponent(userId)}?notice=user-updated`);
}

export async function setPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const userId = values.userId ?? "";
  if ((values.password ?? "") !== (values.passwordConfirm ?? "")) return passwordMismatch(values);
  try {
    const caller = await serverCaller();
    await caller.users.setPassword({ userId, password: values.password ?? "" });
  } catch (error) {
    return failedForm(error, withoutPasswords(values));
  }

  redirect(`/settings/users/${encodeURIComponent(userId)}?notice=password-set`);
}

export async function setDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const userId = values.userId ?? "";
  const disabled = values.disabled === "1";
  try {
    const caller = await serverCaller();
    await caller.users.setDisabled({ userId, disabled });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/settings/users");
  redirect(`/settings/users/${encodeURIComponent(userId)}?notice=${disabled ? "user-disabled" : "user-enabled"}`);
}
