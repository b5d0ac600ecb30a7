"use client";

import { useActionState } from "react";

import { Field, SubmitButton, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import { saveAgingBoundsAction } from "./aging-actions";

/** Form for the upper bounds (days overdue) of the aging buckets. */
export function AgingBoundsForm({ bounds }: { bounds: readonly number[] }) {
  const [state, formAction, pending] = useActionState(saveAgingBoundsAction, {
    ...EMPTY_FORM,
    values: { agingBounds: bounds.join(", ") },
  });
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
        <Field
          label="账龄分界天数"
          name="agingBounds"
          required
          error={state.fieldErrors.agingBounds}
          hint="1 至 10 个逐个增大的正整数，用逗号分隔；如 30, 60, 90, 180, 365 得到 未到期、1–30天 … 365天以上"
        >
          <TextInput name="agingBounds" defaultValue={state.values.agingBounds} error={state.fieldErrors.agingBounds} required />
        </Field>
        <div className="sm:pt-6">
          <SubmitButton pending={pending}>保存账龄分段</SubmitButton>
        </div>
      </div>
    </form>
  );
}
