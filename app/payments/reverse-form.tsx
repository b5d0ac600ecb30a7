"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Field, SubmitButton, TextArea } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import { reversePaymentAction } from "./actions";

/** Renders the reversal (冲销) form, which requires a reason and a confirmation. */
export function ReverseForm({ paymentId }: { paymentId: number }) {
  const [state, formAction, pending] = useActionState(reversePaymentAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;

  return (
    // A new key per result remounts the inputs, so they show what was submitted.
    <form key={JSON.stringify(state)} action={formAction} className="max-w-2xl space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="paymentId" value={String(paymentId)} />
      <Field label="冲销原因" name="reason" required error={errors.reason} hint="如：金额录错、重复登记、款项退回；最多 500 字，将保留在回款记录中">
        <TextArea name="reason" defaultValue={values.reason} error={errors.reason} />
      </Field>
      <div>
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            defaultChecked={values.confirm === "yes"}
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? "confirm-error" : undefined}
            className="mt-0.5"
          />
          我确认冲销该笔回款，冲销后不可撤销
        </label>
        {errors.confirm ? (
          <p id="confirm-error" className="mt-1 text-xs text-red-700">
            {errors.confirm}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-3 pt-1">
        <SubmitButton pending={pending}>冲销回款</SubmitButton>
        <Link href={`/payments/${paymentId}`} className="text-sm text-slate-600 hover:underline">
          返回，不冲销
        </Link>
      </div>
    </form>
  );
}
