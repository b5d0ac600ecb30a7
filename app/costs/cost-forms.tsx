"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Field, Select, SubmitButton, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import { addCategoryAction, recordCostAction, voidCostAction } from "./actions";

/** Renders the form that records an operating cost; amounts are typed in yuan. */
export function RecordCostForm({
  categories,
  today,
}: {
  categories: readonly { id: number; name: string }[];
  today: string;
}) {
  const [state, formAction, pending] = useActionState(recordCostAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;
  return (
    // A new key per result remounts the inputs, so they show what was submitted.
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="付款日期" name="paidOn" required error={errors.paidOn}>
          <TextInput type="date" name="paidOn" defaultValue={values.paidOn ?? today} error={errors.paidOn} />
        </Field>
        <Field label="成本类别" name="categoryId" required error={errors.categoryId}>
          <Select
            name="categoryId"
            defaultValue={values.categoryId ?? ""}
            error={errors.categoryId}
            placeholder="请选择"
            options={categories.map((category) => ({ value: String(category.id), label: category.name }))}
          />
        </Field>
        <Field label="金额（元）" name="amount" required error={errors.amount} hint="如 12345.67">
          <TextInput name="amount" inputMode="decimal" defaultValue={values.amount} error={errors.amount} />
        </Field>
        <Field label="备注" name="note" error={errors.note}>
          <TextInput name="note" maxLength={200} defaultValue={values.note} error={errors.note} />
        </Field>
      </div>
      <SubmitButton pending={pending}>登记成本</SubmitButton>
    </form>
  );
}

/** Renders the reason form that voids one cost (作废). */
export function VoidCostForm({ costId, returnHref }: { costId: number; returnHref: string }) {
  const [state, formAction, pending] = useActionState(voidCostAction, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="costId" value={String(costId)} />
      <Field label="作废原因" name="reason" required error={errors.reason} hint="如：金额录错、重复登记；作废后仍保留在列表中">
        <TextInput name="reason" maxLength={200} defaultValue={state.values.reason} error={errors.reason} />
      </Field>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending}>作废该笔成本</SubmitButton>
        <Link href={returnHref} className="text-sm text-slate-600 hover:underline">
          返回，不作废
        </Link>
      </div>
    </form>
  );
}

/** Renders the form that adds a cost category. */
export function AddCategoryForm() {
  const [state, formAction, pending] = useActionState(addCategoryAction, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Field label="类别名称" name="name" required error={errors.name}>
        <TextInput name="name" maxLength={50} defaultValue={state.values.name} error={errors.name} />
      </Field>
      <SubmitButton pending={pending}>新增类别</SubmitButton>
    </form>
  );
}
