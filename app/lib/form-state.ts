import { parseYuan } from "../../server/domain/money";
import { toUserError } from "./errors";

import type { FormState } from "./form-types";

export type { FormState } from "./form-types";

/** Every text field of a submitted form, so a failed submit can refill it. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export function failedForm(error: unknown, values: Record<string, string>): FormState {
  const { message, fieldErrors } = toUserError(error);
  return { values, fieldErrors, message };
}

/**
 * Reads a yuan amount typed in a form field as integer fen. An empty or
 * malformed value records a Chinese message for the field and returns NaN,
 * which the caller must not submit.
 */
export function readYuan(
  values: Record<string, string>,
  key: string,
  label: string,
  errors: Record<string, string>,
  options: { optional?: boolean } = {},
): number {
  const text = values[key]?.trim() ?? "";
  if (text === "" && options.optional) return 0;
  if (text === "") {
    errors[key] = `请填写${label}`;
    return NaN;
  }
  const fen = parseYuan(text);
  if (fen === null) {
    errors[key] = `${label} "${text.slice(0, 30)}" 不是有效金额，请填写如 12345.67 的数字（最多两位小数）`;
    return NaN;
  }
  return fen;
}

/** A select or hidden id field as a number, or null when empty. */
export function readId(values: Record<string, string>, key: string): number | null {
  const text = values[key]?.trim() ?? "";
  return text === "" ? null : /^\d{1,15}$/.test(text) ? Number(text) : NaN;
}
