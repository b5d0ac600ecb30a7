"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../../server/context";
import { failedForm, type FormState, formValues, readYuan } from "../../lib/form-state";

// The channel forms share one page, so their inputs carry prefixed names
// (wecomWebhookUrl) to keep element ids unique, and the procedures' field
// errors are renamed to match.

function renamed(state: FormState, names: Record<string, string>): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(state.fieldErrors)) fieldErrors[names[key] ?? key] = message;
  return { ...state, fieldErrors };
}

/** Converts a whole number typed in a form to a number, or keeps the text so the procedure shows it in its message. */
function wholeNumber(text: string | undefined): number | string {
  const trimmed = text?.trim() ?? "";
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function checked(values: Record<string, string>, key: string): boolean {
  return values[key] === "on";
}

export async function saveReminderRulesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const errors: Record<string, string> = {};
  const minAmount = readYuan(values, "minAmount", "最低提醒金额", errors, { optional: true });
  if (Object.keys(errors).length > 0) return { values, fieldErrors: errors, message: Object.values(errors)[0]! };
  try {
    const caller = await serverCaller();
    await caller.notifications.saveRules({
      enabled: checked(values, "enabled"),
      daysBefore: wholeNumber(values.daysBefore) as number,
      onDueDate: checked(values, "onDueDate"),
      overdueEveryDays: wholeNumber(values.overdueEveryDays) as number,
      minAmount,
      sendAt: values.sendAt ?? "",
      skipNonWorkingDays: checked(values, "skipNonWorkingDays"),
    });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/settings");
  redirect("/settings?notice=reminder-rules-saved#reminders");
}

export async function saveEmailChannelAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const recipients = (values.emailFinanceRecipients ?? "")
    .split(/[\s,，;；、]+/)
    .map((address) => address.trim())
    .filter(Boolean);
  try {
    const caller = await serverCaller();
    await caller.notifications.saveEmailChannel({
      enabled: checked(values, "emailEnabled"),
      host: values.emailHost ?? "",
      port: wholeNumber(values.emailPort) as number,
      tls: checked(values, "emailTls"),
      user: values.emailUser ?? "",
      smtpPassword: values.emailSmtpPassword ?? "",
      from: values.emailFrom ?? "",
      financeRecipients: recipients,
    });
  } catch (error) {
    const state = failedForm(error, { ...values, emailSmtpPassword: "" });
    const names: Record<string, string> = {
      enabled: "emailEnabled",
      host: "emailHost",
      port: "emailPort",
      tls: "emailTls",
      user: "emailUser",
      smtpPassword: "emailSmtpPassword",
      from: "emailFrom",
    };
    recipients.forEach((_address, index) => (names[`financeRecipients.${index}`] = "emailFinanceRecipients"));
    return renamed(state, names);
  }

  revalidatePath("/settings/reminders");
  redirect("/settings/reminders?notice=email-saved");
}

export async function saveWecomChannelAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.notifications.saveWecomChannel({
      enabled: checked(values, "wecomEnabled"),
      webhookUrl: values.wecomWebhookUrl ?? "",
    });
  } catch (error) {
    // A rejected URL is not sent back to the page: it carries the robot's key.
    return renamed(failedForm(error, { ...values, wecomWebhookUrl: "" }), {
      enabled: "wecomEnabled",
      webhookUrl: "wecomWebhookUrl",
    });
  }

  revalidatePath("/settings/reminders");
  redirect("/settings/reminders?notice=wecom-saved");
}

export async function saveDingtalkChannelAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.notifications.saveDingtalkChannel({
      enabled: checked(values, "dingtalkEnabled"),
      webhookUrl: values.dingtalkWebhookUrl ?? "",
      signingSecret: values.dingtalkSigningSecret ?? "",
    });
  } catch (error) {
    return renamed(failedForm(error, { ...values, dingtalkWebhookUrl: "", dingtalkSigningSecret: "" }), {
      enabled: "dingtalkEnabled",
      webhookUrl: "dingtalkWebhookUrl",
      signingSecret: "dingtalkSigningSecret",
    });
  }

  revalidatePath("/settings/reminders");
  redirect("/settings/reminders?notice=dingtalk-saved");
}

/** Sends a test message; the result comes back in `message`, with values.sent "1" when it went out. */
export async function sendTestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    const result = await caller.notifications.sendTest({ channel: values.channel ?? "" });
    revalidatePath("/settings/reminders/log");
    return { values: { ...values, sent: result.ok ? "1" : "" }, fieldErrors: {}, message: result.message };
  } catch (error) {
    return failedForm(error, values);
  }
}

export async function setStaffEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const staffId = wholeNumber(values.staffId);
  try {
    const caller = await serverCaller();
    await caller.notifications.setStaffEmail({ staffId: staffId as number, email: values[`staffEmail${staffId}`] ?? "" });
  } catch (error) {
    return renamed(failedForm(error, values), { email: `staffEmail${staffId}` });
  }

  revalidatePath("/settings/reminders");
  redirect("/settings/reminders?notice=staff-email-saved#staff-emails");
}

export async function saveHolidayAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.notifications.saveHoliday({ date: values.date ?? "", kind: values.kind ?? "", name: values.name ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  const year = (values.date ?? "").slice(0, 4);
  revalidatePath("/settings/reminders/holidays");
  redirect(`/settings/reminders/holidays?year=${year}&notice=saved`);
}

export async function removeHolidayAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.notifications.removeHoliday({ date: values.date ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  const year = (values.date ?? "").slice(0, 4);
  revalidatePath("/settings/reminders/holidays");
  redirect(`/settings/reminders/holidays?year=${year}&notice=removed`);
}
