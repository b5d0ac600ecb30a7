"use client";

import { useActionState } from "react";

import { Field, SubmitButton, TextInput } from "../../components/form";
import { Alert } from "../../components/ui";
import { EMPTY_FORM } from "../../lib/form-types";
import { annotateMonthAction } from "./actions";

/** Form to save or clear the note of one month of the trend range. */
export function AnnotationForm({
  months,
  notes,
  defaultMonth,
  returnQuery,
}: {
  months: readonly string[];
  notes: Readonly<Record<string, string>>;
  defaultMonth: string;
  returnQuery: string;
}) {
  const [state, formAction, pending] = useActionState(annotateMonthAction, EMPTY_FORM);
  const month = state.values.month ?? defaultMonth;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="returnQuery" value={returnQuery} />
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-start">
        <Field label="月份" name="month" required error={state.fieldErrors.month}>
          <select
            id="month"
            name="month"
            defaultValue={month}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
          >
            {months.map((option) => (
              <option key={option} value={option}>
                {option}
                {notes[option] ? "（已有备注）" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field label="原因备注" name="note" error={state.fieldErrors.note} hint="最多 200 字，如：春节；天气转暖户外投放增加">
          <TextInput
            name="note"
            defaultValue={state.values.note ?? notes[month] ?? ""}
            error={state.fieldErrors.note}
            maxLength={200}
          />
        </Field>
        <div className="flex gap-2 sm:pt-6">
          <SubmitButton pending={pending}>保存备注</SubmitButton>
          <button
            type="submit"
            name="intent"
            value="clear"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
          >
            清除备注
          </button>
        </div>
      </div>
    </form>
  );
}
