"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Field, SubmitButton, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import { batchPrintAction, issueLetterAction, voidDocumentAction } from "./actions";

const LEVEL_OPTIONS = [
  { value: "payment_reminder", label: "付款提醒函" },
  { value: "collection_demand", label: "催款函" },
  { value: "final_notice", label: "最后催告函" },
] as const;

/** Renders the form that issues one letter; the suggested level is preselected. */
export function IssueLetterForm({
  clientId,
  suggestedLevel,
  asOf,
  payBy,
}: {
  clientId: number;
  suggestedLevel: string;
  asOf: string;
  payBy: string;
}) {
  const [state, formAction, pending] = useActionState(issueLetterAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;
  const level = values.level ?? suggestedLevel;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="clientId" value={String(clientId)} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">函件级别</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {LEVEL_OPTIONS.map((option) => (
            <label key={option.value} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="level" value={option.value} defaultChecked={level === option.value} />
              {option.label}
              {option.value === suggestedLevel ? <span className="text-xs text-emerald-700">（建议）</span> : null}
            </label>
          ))}
        </div>
        {errors.level ? <p className="mt-1 text-xs text-red-700">{errors.level}</p> : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="函件日期" name="asOf" required error={errors.asOf} hint="函件上的日期，也是金额的截止日期">
          <TextInput type="date" name="asOf" defaultValue={values.asOf ?? asOf} error={errors.asOf} />
        </Field>
        <Field label="付款期限" name="payBy" error={errors.payBy} hint="默认为函件日期后 10 天">
          <TextInput type="date" name="payBy" defaultValue={values.payBy ?? payBy} error={errors.payBy} />
        </Field>
      </div>
      <p className="text-xs text-slate-500">出具后函件登记入册并获得文号，内容即固定；之后收款不会改变已出具的函件。</p>
      <SubmitButton pending={pending}>出具并登记</SubmitButton>
    </form>
  );
}

/** Renders the reason form that voids an issued document (作废). */
export function VoidDocumentForm({ documentId, returnHref }: { documentId: number; returnHref: string }) {
  const [state, formAction, pending] = useActionState(voidDocumentAction, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="documentId" value={String(documentId)} />
      <Field label="作废原因" name="reason" required error={errors.reason} hint="如：金额有误、寄错客户；作废后文号不再使用，记录仍保留">
        <TextInput name="reason" maxLength={200} defaultValue={state.values.reason} error={errors.reason} />
      </Field>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending}>作废该文书</SubmitButton>
        <Link href={returnHref} className="text-sm text-slate-600 hover:underline">
          返回，不作废
        </Link>
      </div>
    </form>
  );
}

/**
 * Renders the batch printing controls of the reminder list. The client
 * checkboxes sit in the table rows and join this form through their `form`
 * attribute set to `formId`, so the form works without JavaScript.
 */
export function BatchPrintForm({ formId, asOf }: { formId: string; asOf: string }) {
  const [state, formAction, pending] = useActionState(batchPrintAction, EMPTY_FORM);
  const values = state.values;
  return (
    <form id={formId} key={JSON.stringify(state)} action={formAction} className="no-print mb-3 space-y-2" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="asOf" value={asOf} />
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col text-xs text-slate-600">
          函件级别
          <select name="level" defaultValue={values.level ?? "suggested"} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="suggested">按建议级别（逐户判断）</option>
            {LEVEL_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                全部为{option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          输出
          <select name="format" defaultValue={values.format ?? "pdf"} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="pdf">合并为一个 PDF</option>
            <option value="zip">每家客户一个 PDF（zip）</option>
          </select>
        </label>
        <button
          type="submit"
          name="scope"
          value="selected"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "正在登记…" : "批量打印所选客户"}
        </button>
        <button
          type="submit"
          name="scope"
          value="allOverdue"
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          全部逾期客户
        </button>
      </div>
      <p className="text-xs text-slate-500">每封函件都会登记入册并获得文号；没有逾期款项的客户会被跳过。</p>
    </form>
  );
}
