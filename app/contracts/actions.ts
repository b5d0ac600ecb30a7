"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { type FormState, failedForm, formValues, readId, readYuan } from "../lib/form-state";

const INSTALLMENT_KEY = /^installments\.(\d+)\.(label|dueDate|amount)$/;

/**
 * Renumbers the submitted installment rows 0, 1, 2… in their order, so field
 * errors such as `installments.1.amount` name the row the form shows second
 * even if the browser sent gaps.
 */
function renumberInstallments(values: Record<string, string>): {
  values: Record<string, string>;
  count: number;
} {
  const indices = new Set<number>();
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = INSTALLMENT_KEY.exec(key);
    if (match) indices.add(Number(match[1]));
    else result[key] = value;
  }

  const order = [...indices].sort((a, b) => a - b);
  order.forEach((index, position) => {
    for (const field of ["label", "dueDate", "amount"]) {
      result[`installments.${position}.${field}`] = values[`installments.${index}.${field}`] ?? "";
    }
  });
  return { values: result, count: order.length };
}

function requiredText(
  values: Record<string, string>,
  key: string,
  message: string,
  errors: Record<string, string>,
): string {
  const text = values[key]?.trim() ?? "";
  if (text === "") errors[key] = message;
  return text;
}

/** Reads a select's id. An empty choice records `message` and reads as NaN. */
function requiredId(
  values: Record<string, string>,
  key: string,
  message: string,
  errors: Record<string, string>,
): number {
  const id = readId(values, key);
  if (id === null) errors[key] = message;
  return id ?? NaN;
}

/**
 * Reads the contract fields for the procedure, with amounts in fen. Problems
 * found here go to `errors`, and the value read for such a field is one the
 * procedure rejects too (NaN or an empty date).
 */
function readContract(values: Record<string, string>, count: number, errors: Record<string, string>) {
  return {
    clientId: requiredId(values, "clientId", "请选择客户", errors),
    contractNo: values.contractNo ?? "",
    businessTypeId: requiredId(values, "businessTypeId", "请选择业务类型", errors),
    title: values.title ?? "",
    signedOn: requiredText(values, "signedOn", "请填写签订日期", errors),
    serviceStart: values.serviceStart ?? "",
    serviceEnd: values.serviceEnd ?? "",
    totalAmount: readYuan(values, "totalAmount", "合同金额", errors),
    mediaCost: readYuan(values, "mediaCost", "媒体采购成本", errors, { optional: true }),
    productionCost: readYuan(values, "productionCost", "制作成本", errors, { optional: true }),
    notes: values.notes ?? "",
    installments: Array.from({ length: count }, (_, index) => ({
      label: values[`installments.${index}.label`] ?? "",
      dueDate: requiredText(values, `installments.${index}.dueDate`, `请填写第${index + 1}期的到期日`, errors),
      amount: readYuan(values, `installments.${index}.amount`, `第${index + 1}期金额`, errors),
    })),
  };
}

/**
 * Builds the failed form state, with the form's own messages over the
 * procedure's. With several problems the top message counts them.
 */
function failedContractForm(error: unknown, values: Record<string, string>, local: Record<string, string>): FormState {
  const failed = failedForm(error, values);
  const fieldErrors = { ...failed.fieldErrors, ...local };
  const messages = Object.values(fieldErrors);
  if (Object.keys(local).length === 0 && messages.length <= 1) return failed;
  const message =
    messages.length === 1 ? messages[0]! : `有 ${messages.length} 处填写有误，请按各字段下方的提示修改`;
  return { ...failed, fieldErrors, message };
}

function clientPageAfterSave(clientId: number, contractId: number, notice: string, creditApplied: number) {
  const credit = creditApplied > 0 ? `&creditApplied=${creditApplied}` : "";
  return `/clients/${clientId}?notice=${notice}${credit}#contract-${contractId}`;
}

// Both actions call the procedure even when the form found a bad field. The
// value read for that field is one zod rejects, so nothing is saved, and the
// procedure's messages for the other fields come back in the same round.

export async function createContractAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { values, count } = renumberInstallments(formValues(formData));
  const errors: Record<string, string> = {};
  const input = readContract(values, count, errors);
  let saved: { contractId: number; creditApplied: number; creditWarnings: string[] };
  try {
    const caller = await serverCaller();
    saved = await caller.contracts.create({ ...input, creditOverrideReason: values.creditOverrideReason ?? "" });
  } catch (error) {
    return failedContractForm(error, values, errors);
  }

  revalidatePath(`/clients/${input.clientId}`);
  const notice = saved.creditWarnings.length > 0 ? "contract-credit-warned" : "contract-created";
  redirect(clientPageAfterSave(input.clientId, saved.contractId, notice, saved.creditApplied));
}

/** Saves an edited contract, if `version` is still the one the form was loaded with. */
export async function updateContractAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { values, count } = renumberInstallments(formValues(formData));
  const errors: Record<string, string> = {};
  const input = readContract(values, count, errors);
  let saved: { contractId: number; creditApplied: number };
  try {
    const caller = await serverCaller();
    saved = await caller.contracts.update({
      ...input,
      contractId: readId(values, "contractId") ?? NaN,
      version: readId(values, "version") ?? NaN,
    });
  } catch (error) {
    return failedContractForm(error, values, errors);
  }

  revalidatePath(`/clients/${input.clientId}`);
  redirect(clientPageAfterSave(input.clientId, saved.contractId, "contract-updated", saved.creditApplied));
}
