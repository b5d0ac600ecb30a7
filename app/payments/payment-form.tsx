"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Field, Select, SubmitButton, TextArea, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import { recordPaymentAction } from "./actions";

/**
 * Renders the payment form (登记回款) for the client chosen in the step
 * above. The client travels as a hidden field, and typed values come back
 * on failure.
 */
export function PaymentForm({
  clientId,
  today,
  methods,
  contracts,
  initialValues,
}: {
  clientId: number;
  today: string;
  methods: readonly string[];
  /** The client's contracts with money due, already labelled for the select. */
  contracts: readonly { value: string; label: string }[];
  initialValues: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(recordPaymentAction, {
    ...EMPTY_FORM,
    values: initialValues,
  });
  const values = state.values;
  const errors = state.fieldErrors;

  return (
    // A new key per result remounts the inputs, so they show what was submitted.
    <form key={JSON.stringify(state)} action={formAction} className="max-w-3xl space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="clientId" value={String(clientId)} />
      {/* Sent again with a double click or a retry, so the server records the payment once. */}
      <input type="hidden" name="requestKey" value={values.requestKey ?? ""} />
      {errors.clientId && errors.clientId !== state.message ? <Alert>{errors.clientId}</Alert> : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="收款日期" name="receivedOn" required error={errors.receivedOn} hint={`到账日期，不能晚于今天（${today}）`}>
          <TextInput name="receivedOn" type="date" defaultValue={values.receivedOn ?? today} error={errors.receivedOn} required />
        </Field>
        <Field label="收款金额（元）" name="amount" required error={errors.amount} hint="如 12345.67，最多两位小数">
          <TextInput name="amount" inputMode="decimal" defaultValue={values.amount} error={errors.amount} placeholder="0.00" maxLength={20} required />
        </Field>
        <Field label="收款方式" name="method" required error={errors.method}>
          <Select
            name="method"
            defaultValue={values.method ?? methods[0]}
            error={errors.method}
            options={methods.map((method) => ({ value: method, label: method }))}
          />
        </Field>
        <Field label="银行流水号" name="bankReference" error={errors.bankReference} hint="对账时用于核对银行流水，可不填">
          <TextInput name="bankReference" defaultValue={values.bankReference} error={errors.bankReference} maxLength={100} />
          {errors.bankReference?.includes("已登记过") ? (
            <label className="mt-1 flex items-center gap-1.5 text-xs text-slate-700">
              <input type="checkbox" name="confirmDuplicateReference" value="yes" />
              我已核对，这是另一笔回款
            </label>
          ) : null}
        </Field>
      </div>

      <Field
        label="指定合同"
        name="contractId"
        error={errors.contractId}
        hint={contracts.length === 0 ? "该客户目前没有未收款的合同，本笔回款将全部计入预收款" : "付款方指明支付哪个合同时选择；不选则按到期日核销"}
      >
        <Select
          name="contractId"
          defaultValue={values.contractId ?? ""}
          error={errors.contractId}
          options={contracts}
          placeholder="不指定（按到期日从早到晚核销）"
        />
      </Field>
      <Field label="备注" name="note" error={errors.note}>
        <TextArea name="note" defaultValue={values.note} error={errors.note} />
      </Field>

      <p className="text-xs text-slate-500">
        核销规则：先冲抵指定合同，再按到期日从早到晚核销；多余部分计入预收款，并自动冲抵以后的应收。
      </p>
      <div className="flex items-center gap-3 pt-1">
        <SubmitButton pending={pending}>登记回款</SubmitButton>
        <Link href="/payments" className="text-sm text-slate-600 hover:underline">
          取消
        </Link>
      </div>
    </form>
  );
}
