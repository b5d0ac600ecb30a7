"use client";

import { useActionState } from "react";

import { Field, SubmitButton, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import { saveWordingAction } from "./letter-actions";

interface Wording {
  title: string;
  opening: string;
  request: string;
  consequence: string;
  clauseReference: string;
  closingPhrase: string;
}

const TEXTAREA =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-500";

/** Renders the wording form of one letter level. */
export function WordingForm({ level, wording }: { level: string; wording: Wording }) {
  const [state, formAction, pending] = useActionState(saveWordingAction, EMPTY_FORM);
  const values = { ...wording, ...state.values };
  const errors = state.fieldErrors;
  const area = (name: keyof Wording, label: string, max: number, rows: number, hint?: string) => (
    <Field label={label} name={`${level}-${name}`} error={errors[name]} hint={hint}>
      <textarea
        id={`${level}-${name}`}
        name={name}
        rows={rows}
        maxLength={max}
        defaultValue={values[name]}
        aria-invalid={errors[name] ? true : undefined}
        className={TEXTAREA}
      />
    </Field>
  );
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="level" value={level} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="标题" name={`${level}-title`} required error={errors.title} hint="最多 12 字">
          <TextInput name="title" maxLength={12} defaultValue={values.title} error={errors.title} />
        </Field>
        <Field label="结束语" name={`${level}-closingPhrase`} required error={errors.closingPhrase} hint="如 特此函告。">
          <TextInput name="closingPhrase" maxLength={12} defaultValue={values.closingPhrase} error={errors.closingPhrase} />
        </Field>
      </div>
      {area("opening", "开头段落（合同明细表之前）", 300, 3)}
      {area("request", "付款要求（银行账户之前）", 200, 2, "必须包含 {付款期限} 和 {金额}")}
      {area("consequence", "结尾段落（银行账户之后）", 600, 4)}
      {level === "final_notice"
        ? area("clauseReference", "所依据的合同条款", 200, 2, "填入 {合同条款} 处，如：合同第五条（付款方式）及第八条（违约责任）")
        : null}
      <SubmitButton pending={pending}>保存措辞</SubmitButton>
    </form>
  );
}
