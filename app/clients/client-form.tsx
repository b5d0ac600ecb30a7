"use client";

import Link from "next/link";
import { useActionState, useState } from "react";

import { Field, Select, SubmitButton, TextArea, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import type { FormState } from "../lib/form-types";

type ClientAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * Renders the client form for creating and editing. `hidden` carries the ids
 * an edit needs (clientId, version), and typed values come back on failure.
 */
export function ClientForm({
  action,
  initialValues,
  hidden = {},
  staff,
  cancelHref,
  submitLabel,
}: {
  action: ClientAction;
  initialValues: Record<string, string>;
  hidden?: Record<string, string>;
  staff: readonly { id: number; name: string; active: number }[];
  cancelHref: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, { values: initialValues, fieldErrors: {}, message: null });
  // The version stays the one first loaded, even if a refresh of the page
  // brings a newer one, so another user's save is reported, not overwritten.
  const [loadedIds] = useState(hidden);
  const values = state.values;
  const errors = state.fieldErrors;
  const staffOptions = staff
    .filter((person) => person.active || String(person.id) === values.accountManagerId)
    .map((person) => ({ value: String(person.id), label: person.active ? person.name : `${person.name}（已停用）` }));

  return (
    // A new key per result remounts the inputs, so they show what was submitted.
    <form key={JSON.stringify(state)} action={formAction} className="max-w-2xl space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      {Object.entries(loadedIds).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field label="客户名称" name="name" required error={errors.name}>
        <TextInput name="name" defaultValue={values.name} error={errors.name} maxLength={100} required />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="联系人" name="contactPerson" error={errors.contactPerson}>
          <TextInput name="contactPerson" defaultValue={values.contactPerson} error={errors.contactPerson} maxLength={50} />
        </Field>
        <Field label="联系电话" name="phone" error={errors.phone} hint="如 021-62345678 或 13812345678">
          <TextInput name="phone" type="tel" defaultValue={values.phone} error={errors.phone} maxLength={50} />
        </Field>
      </div>
      <Field label="地址" name="address" error={errors.address}>
        <TextInput name="address" defaultValue={values.address} error={errors.address} maxLength={200} />
      </Field>
      <Field
        label="业务员"
        name="accountManagerId"
        error={errors.accountManagerId}
        hint={staff.length === 0 ? <>还没有业务员，可在<Link href="/settings" className="text-brand-700 underline">系统设置</Link>中添加</> : undefined}
      >
        <Select
          name="accountManagerId"
          defaultValue={values.accountManagerId ?? ""}
          error={errors.accountManagerId}
          options={staffOptions}
          placeholder="（未指定）"
        />
      </Field>
      <Field label="备注" name="notes" error={errors.notes}>
        <TextArea name="notes" defaultValue={values.notes} error={errors.notes} />
      </Field>
      <div className="flex items-center gap-3 pt-2">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className="text-sm text-slate-600 hover:underline">
          取消
        </Link>
      </div>
    </form>
  );
}
