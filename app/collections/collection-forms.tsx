"use client";

import { useActionState } from "react";

import { Field, Select, SubmitButton, TextArea, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import {
  addReasonAction,
  logContactAction,
  openDisputeAction,
  recordPromiseAction,
  resolveDisputeAction,
  updateContactAction,
  updateReasonAction,
  voidContactAction,
  voidPromiseAction,
} from "./actions";

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-500";

const CHANNELS = ["电话", "上门拜访", "微信", "短信", "函件", "律师函"];

interface Option {
  value: string;
  label: string;
}

/** A contact's current values, to correct it in place of logging a new one. */
export interface EditedContact {
  id: number;
  contactedAt: string;
  channel: string;
  person: string;
  staffId: number | null;
  contractId: number | null;
  reasonId: number | null;
  outcome: string;
  nextFollowUpOn: string | null;
}

/**
 * Renders the form that logs a contact (记录催收) with an optional promise to
 * pay, or corrects `contact` when given (without the promise part).
 */
export function LogContactForm({
  clientId,
  contracts,
  staff,
  reasons,
  now,
  defaultStaffId,
  returnTo,
  contact,
}: {
  clientId: number;
  contracts: readonly Option[];
  staff: readonly Option[];
  reasons: readonly Option[];
  now: string;
  defaultStaffId: string;
  returnTo: string;
  contact?: EditedContact;
}) {
  const [state, formAction, pending] = useActionState(contact ? updateContactAction : logContactAction, EMPTY_FORM);
  const errors = state.fieldErrors;
  const stored: Record<string, string> = contact
    ? {
        contactedAt: contact.contactedAt,
        channel: contact.channel,
        person: contact.person,
        staffId: contact.staffId === null ? "" : String(contact.staffId),
        contractId: contact.contractId === null ? "" : String(contact.contractId),
        reasonId: contact.reasonId === null ? "" : String(contact.reasonId),
        outcome: contact.outcome,
        nextFollowUpOn: contact.nextFollowUpOn ?? "",
      }
    : {};
  const values = { ...stored, ...state.values };
  return (
    <form
      key={JSON.stringify(state)}
      action={formAction}
      className="space-y-3"
      noValidate
      aria-label={contact ? "修改催收记录" : "记录催收"}
    >
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="clientId" value={String(clientId)} />
      {contact ? <input type="hidden" name="contactId" value={String(contact.id)} /> : null}
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="联系时间" name="contactedAt" required error={errors.contactedAt} hint="业务时区当地时间">
          <input
            id="contactedAt"
            name="contactedAt"
            type="datetime-local"
            defaultValue={values.contactedAt ?? now}
            aria-invalid={errors.contactedAt ? true : undefined}
            className={INPUT}
          />
        </Field>
        <Field label="联系方式" name="channel" required error={errors.channel}>
          <Select
            name="channel"
            defaultValue={values.channel ?? "电话"}
            error={errors.channel}
            options={CHANNELS.map((channel) => ({ value: channel, label: channel }))}
          />
        </Field>
        <Field label="联系对象" name="person" required error={errors.person} hint="对方姓名或职务">
          <TextInput name="person" maxLength={50} defaultValue={values.person} error={errors.person} />
        </Field>
        <Field label="经办业务员" name="staffId" error={errors.staffId}>
          <Select
            name="staffId"
            defaultValue={values.staffId ?? defaultStaffId}
            error={errors.staffId}
            placeholder="（未指定）"
            options={staff}
          />
        </Field>
        <Field label="合同" name="contractId" error={errors.contractId}>
          <Select
            name="contractId"
            defaultValue={values.contractId ?? ""}
            error={errors.contractId}
            placeholder="（客户整体）"
            options={contracts}
          />
        </Field>
        <Field label="未付款原因" name="reasonId" error={errors.reasonId}>
          <Select
            name="reasonId"
            defaultValue={values.reasonId ?? ""}
            error={errors.reasonId}
            placeholder="（未说明）"
            options={reasons}
          />
        </Field>
        <Field label="下次跟进日期" name="nextFollowUpOn" error={errors.nextFollowUpOn}>
          <TextInput type="date" name="nextFollowUpOn" defaultValue={values.nextFollowUpOn} error={errors.nextFollowUpOn} />
        </Field>
      </div>
      <Field label="沟通结果" name="outcome" error={errors.outcome}>
        <TextArea name="outcome" defaultValue={values.outcome} error={errors.outcome} />
      </Field>
      {contact ? null : (
        <fieldset className="rounded-md border border-slate-200 px-3 pt-1 pb-3">
          <legend className="px-1 text-xs text-slate-500">承诺付款（可选：对方承诺了金额和日期时填写）</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <Field label="承诺金额（元）" name="promise.amount" error={errors["promise.amount"]} hint="如 50000">
              <TextInput
                name="promise.amount"
                inputMode="decimal"
                defaultValue={values["promise.amount"]}
                error={errors["promise.amount"]}
              />
            </Field>
            <Field label="承诺付款日期" name="promise.promisedOn" error={errors["promise.promisedOn"]}>
              <TextInput
                type="date"
                name="promise.promisedOn"
                defaultValue={values["promise.promisedOn"]}
                error={errors["promise.promisedOn"]}
              />
            </Field>
          </div>
        </fieldset>
      )}
      <SubmitButton pending={pending}>{contact ? "保存修改" : "保存催收记录"}</SubmitButton>
    </form>
  );
}

/** Renders the form that records a promise to pay on its own. */
export function PromiseForm({
  clientId,
  contracts,
  returnTo,
}: {
  clientId: number;
  contracts: readonly Option[];
  returnTo: string;
}) {
  const [state, formAction, pending] = useActionState(recordPromiseAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate aria-label="登记承诺付款">
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="clientId" value={String(clientId)} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="承诺金额（元）" name="amount" required error={errors.amount}>
          <TextInput name="amount" inputMode="decimal" defaultValue={values.amount} error={errors.amount} />
        </Field>
        <Field label="承诺付款日期" name="promisedOn" required error={errors.promisedOn}>
          <TextInput type="date" name="promisedOn" defaultValue={values.promisedOn} error={errors.promisedOn} />
        </Field>
        <Field label="合同" name="contractId" error={errors.contractId}>
          <Select name="contractId" defaultValue={values.contractId ?? ""} placeholder="（客户整体）" options={contracts} />
        </Field>
        <Field label="备注" name="note" error={errors.note}>
          <TextInput name="note" maxLength={200} defaultValue={values.note} error={errors.note} />
        </Field>
      </div>
      <SubmitButton pending={pending}>登记承诺付款</SubmitButton>
    </form>
  );
}

/** Renders a one-field form: a hidden id, a required reason or note, and a button. */
function ReasonForm({
  action,
  idName,
  idValue,
  field,
  label,
  hint,
  button,
  returnTo,
}: {
  action: typeof voidContactAction;
  idName: string;
  idValue: number;
  field: string;
  label: string;
  hint?: string;
  button: string;
  returnTo: string;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-2" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name={idName} value={String(idValue)} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field label={label} name={`${field}-${idValue}`} required error={errors[field]} hint={hint}>
        <input
          id={`${field}-${idValue}`}
          name={field}
          maxLength={500}
          defaultValue={state.values[field]}
          aria-invalid={errors[field] ? true : undefined}
          className={INPUT}
        />
      </Field>
      <SubmitButton pending={pending}>{button}</SubmitButton>
    </form>
  );
}

export function VoidContactForm({ contactId, returnTo }: { contactId: number; returnTo: string }) {
  return (
    <ReasonForm
      action={voidContactAction}
      idName="contactId"
      idValue={contactId}
      field="reason"
      label="作废原因"
      hint="作废后仍保留在记录中，标为已作废"
      button="作废该记录"
      returnTo={returnTo}
    />
  );
}

export function VoidPromiseForm({ promiseId, returnTo }: { promiseId: number; returnTo: string }) {
  return (
    <ReasonForm
      action={voidPromiseAction}
      idName="promiseId"
      idValue={promiseId}
      field="reason"
      label="作废原因"
      button="作废该承诺"
      returnTo={returnTo}
    />
  );
}

export function ResolveDisputeForm({ disputeId, returnTo }: { disputeId: number; returnTo: string }) {
  return (
    <ReasonForm
      action={resolveDisputeAction}
      idName="disputeId"
      idValue={disputeId}
      field="note"
      label="解决说明"
      hint="如：双方确认按原价支付；争议记录会保留"
      button="标记为已解决"
      returnTo={returnTo}
    />
  );
}

/** Renders the form that opens a dispute on one of the client's installments. */
export function OpenDisputeForm({ installments, returnTo }: { installments: readonly Option[]; returnTo: string }) {
  const [state, formAction, pending] = useActionState(openDisputeAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate aria-label="登记争议">
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="分期" name="installmentId" required error={errors.installmentId}>
          <Select
            name="installmentId"
            defaultValue={values.installmentId ?? ""}
            error={errors.installmentId}
            placeholder="请选择"
            options={installments}
          />
        </Field>
        <Field label="争议原因" name="reason" required error={errors.reason}>
          <TextInput name="reason" maxLength={500} defaultValue={values.reason} error={errors.reason} />
        </Field>
      </div>
      <SubmitButton pending={pending}>登记争议</SubmitButton>
    </form>
  );
}

/** Renders the form that adds a reason for not paying. */
export function AddReasonForm() {
  const [state, formAction, pending] = useActionState(addReasonAction, EMPTY_FORM);
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="flex items-end gap-3" noValidate>
      <div className="grow">
        {state.message ? <Alert>{state.message}</Alert> : null}
        <Field label="新原因" name="name" required error={errors.name}>
          <TextInput name="name" maxLength={50} defaultValue={state.values.name} error={errors.name} />
        </Field>
      </div>
      <SubmitButton pending={pending}>添加</SubmitButton>
    </form>
  );
}

/** Renders one reason's rename and 启用/停用 form. */
export function EditReasonForm({ reasonId, name, active }: { reasonId: number; name: string; active: boolean }) {
  const [state, formAction, pending] = useActionState(updateReasonAction, EMPTY_FORM);
  const errors = state.fieldErrors;
  const values = state.values;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="flex flex-wrap items-center gap-2" noValidate>
      <input type="hidden" name="reasonId" value={String(reasonId)} />
      <input
        name="name"
        aria-label="原因名称"
        maxLength={50}
        defaultValue={values.name ?? name}
        aria-invalid={errors.name ? true : undefined}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <select
        name="active"
        aria-label="状态"
        defaultValue={values.active ?? (active ? "1" : "0")}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      >
        <option value="1">启用</option>
        <option value="0">停用</option>
      </select>
      <SubmitButton pending={pending}>保存</SubmitButton>
      {state.message ? <span className="text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
