"use client";

import { useActionState } from "react";

import { Field, Select, SubmitButton, TextInput } from "../../components/form";
import { Alert } from "../../components/ui";
import { EMPTY_FORM, type FormState } from "../../lib/form-types";
import {
  blacklistAction,
  liftBlacklistAction,
  redeemRewardAction,
  setCreditLimitAction,
  voidRedemptionAction,
} from "../credit-actions";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Renders a one-field form with the client id, for the credit decisions that need only a reason or an amount. */
function ReasonForm({
  action,
  clientId,
  name,
  label,
  hint,
  submit,
  hidden = {},
  defaultValue,
}: {
  action: Action;
  clientId: number;
  name: string;
  label: string;
  hint?: string;
  submit: string;
  hidden?: Record<string, string>;
  defaultValue?: string;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    // A new key per result remounts the inputs, so they show what was submitted.
    <form key={JSON.stringify(state)} action={formAction} className="space-y-2" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="clientId" value={String(clientId)} />
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <Field label={label} name={name} error={errors[name]} hint={hint}>
        <TextInput name={name} maxLength={200} defaultValue={state.values[name] ?? defaultValue} error={errors[name]} />
      </Field>
      <SubmitButton pending={pending}>{submit}</SubmitButton>
    </form>
  );
}

export function CreditLimitForm({ clientId, current }: { clientId: number; current: string }) {
  return (
    <ReasonForm
      action={setCreditLimitAction}
      clientId={clientId}
      name="creditLimit"
      label="信用额度（元）"
      hint="未结清金额的上限，如 500000；留空表示不设额度"
      submit="保存额度"
      defaultValue={current}
    />
  );
}

export function BlacklistForm({ clientId }: { clientId: number }) {
  return (
    <ReasonForm
      action={blacklistAction}
      clientId={clientId}
      name="reason"
      label="列入原因"
      hint="如：恶意拖欠、多次违约；列入后新增合同须由管理员放行"
      submit="列入拒绝合作名单"
    />
  );
}

export function LiftBlacklistForm({ clientId }: { clientId: number }) {
  return (
    <ReasonForm
      action={liftBlacklistAction}
      clientId={clientId}
      name="reason"
      label="移出原因"
      hint="如：欠款已全部结清"
      submit="移出拒绝合作名单"
    />
  );
}

export function VoidRedemptionForm({ clientId, redemptionId }: { clientId: number; redemptionId: number }) {
  return (
    <ReasonForm
      action={voidRedemptionAction}
      clientId={clientId}
      name="reason"
      label="作废原因"
      submit="作废"
      hidden={{ redemptionId: String(redemptionId) }}
    />
  );
}

/** Renders the form that records a use of the reward, optionally as a rebate on one of the client's contracts. */
export function RedeemRewardForm({
  clientId,
  today,
  contracts,
}: {
  clientId: number;
  today: string;
  contracts: readonly { id: number; contractNo: string }[];
}) {
  const [state, formAction, pending] = useActionState(redeemRewardAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="clientId" value={String(clientId)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="使用金额（元）" name="amount" required error={errors.amount}>
          <TextInput name="amount" inputMode="decimal" defaultValue={values.amount} error={errors.amount} />
        </Field>
        <Field label="使用日期" name="usedOn" required error={errors.usedOn}>
          <TextInput type="date" name="usedOn" defaultValue={values.usedOn ?? today} error={errors.usedOn} />
        </Field>
        <Field label="抵扣合同" name="contractId" error={errors.contractId} hint="作为返利抵扣的合同，可不选">
          <Select
            name="contractId"
            defaultValue={values.contractId ?? ""}
            error={errors.contractId}
            placeholder="不指定"
            options={contracts.map((contract) => ({ value: String(contract.id), label: contract.contractNo }))}
          />
        </Field>
        <Field label="备注" name="note" error={errors.note}>
          <TextInput name="note" maxLength={200} defaultValue={values.note} error={errors.note} />
        </Field>
      </div>
      <SubmitButton pending={pending}>登记使用</SubmitButton>
    </form>
  );
}
