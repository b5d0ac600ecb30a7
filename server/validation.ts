import { z } from "zod";

import { isCalendarDate } from "./domain/dates";
import { MAX_FEN } from "./domain/money";

/**
 * Zod building blocks whose messages are Chinese and name the field and the
 * rejected value, so every procedure reports bad input the same way.
 */

const MAX_TEXT = 2000;

function shown(value: unknown): string {
  let text: string | undefined;
  if (typeof value === "string") {
    text = value;
  } else if (typeof value === "number") {
    // JSON.stringify writes NaN and Infinity as null, which would mislead.
    text = String(value);
  } else {
    text = JSON.stringify(value);
  }
  return text === undefined ? "空" : `"${text.slice(0, 40)}"`;
}

/** Zero-width characters: invisible, so two names that look equal could differ. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** C0 and C1 control characters other than tab and line breaks. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\t]/;

/**
 * Free text, normalised to NFC with zero-width characters removed and
 * trimmed; `max` characters at most. Control characters and broken UTF-16
 * (lone surrogates) are rejected, and so are line breaks unless `multiline`.
 */
export function text(
  label: string,
  options: { max?: number; required?: boolean; multiline?: boolean } = {},
) {
  const max = options.max ?? 200;
  const base = z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
    .overwrite((value) => value.normalize("NFC").replace(ZERO_WIDTH, ""))
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine((value) => value.isWellFormed() && !CONTROL.test(value), {
      error: `${label}包含无法识别的字符或控制字符，请删除后重新填写`,
    })
    .refine((value) => options.multiline || !LINE_BREAK.test(value), {
      error: `${label}不能包含换行`,
    });
  return options.required
    ? base.refine((value) => value.length > 0, { error: `请填写${label}` })
    : base.default("");
}

/** Long free text such as notes, line breaks allowed. */
export function longText(label: string) {
  return text(label, { max: MAX_TEXT, multiline: true });
}

/** A calendar date as YYYY-MM-DD that exists (rejects 2026-02-30). */
export function date(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isCalendarDate, {
      error: (issue) =>
        `${label} ${shown(issue.input)} 不是有效日期，请按 YYYY-MM-DD 填写真实存在的日期`,
    });
}

export function optionalDate(label: string) {
  return z
    .union([z.literal(""), z.null(), date(label)], {
      error: (issue) => `${label} ${shown(issue.input)} 不是有效日期，请按 YYYY-MM-DD 填写`,
    })
    .optional()
    .transform((value) => value || null);
}

/** An amount in integer fen, within (0, MAX_FEN] or [0, MAX_FEN]. */
export function fen(label: string, options: { allowZero?: boolean } = {}) {
  const min = options.allowZero ? 0 : 1;
  return z
    .number({ error: (issue) => `${label} ${shown(issue.input)} 不是有效金额` })
    // The limit goes first: zod's int() also rejects integers too large to
    // be exact, which would hide the clearer over-limit message.
    .max(MAX_FEN, { error: `${label}超出上限（一百亿元）` })
    .int({ error: (issue) => `${label} ${shown(issue.input)} 必须以分为单位的整数` })
    .min(min, {
      error: (issue) =>
        options.allowZero
          ? `${label}不能为负数（收到 ${shown(issue.input)}）`
          : `${label}必须大于 0（收到 ${shown(issue.input)}）`,
    });
}

/** A database id. */
export function id(label: string) {
  return z
    .number({ error: (issue) => `${label} ${shown(issue.input)} 无效` })
    .int({ error: `${label}无效` })
    .positive({ error: `${label}无效` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label}无效` });
}

export function optionalId(label: string) {
  return id(label).nullable().optional().transform((value) => value ?? null);
}

/** Validates a 1-based page number of a long list. */
export function pageNumber(label: string) {
  const message = (issue: { input?: unknown }) => `${label} ${shown(issue.input)} 无效，请填写 1 到 100000 之间的整数`;
  return z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(100_000, { error: message });
}

/** Positive whole number of days, e.g. a payment term. */
export function dayCount(label: string, max = 3650) {
  const message = (issue: { input?: unknown }) => `${label} ${shown(issue.input)} 无效，请填写 0 到 ${max} 之间的整数天数`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(0, { error: message })
    .max(max, { error: message });
}

/** Turns zod issues into { field path: first message }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    result[key] ??= issue.message;
  }
  return result;
}
