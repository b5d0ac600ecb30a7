"use client";

import Link from "next/link";
import { type FormEvent, useActionState, useState } from "react";

import { Field, Select, SubmitButton, TextArea, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import type { FormState } from "../lib/form-types";
import { type PlanBasis, PlanEditor } from "./plan-editor";

type ContractAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Either the one client the contract belongs to, or the clients to choose from. */
export type ClientChoice =
  | { kind: "fixed"; id: number; name: string }
  | { kind: "select"; options: readonly { id: number; name: string }[] };

interface FormProps {
  action: ContractAction;
  initialValues: Record<string, string>;
  /** Ids an edit needs (contractId, version), sent back unchanged. */
  hidden?: Record<string, string>;
  client: ClientChoice;
  businessTypes: readonly { id: number; name: string; active: number }[];
  cancelHref: string;
  submitLabel: string;
  /** Whether the user sees and sets costs; the procedures ignore costs from other roles. */
  showCosts: boolean;
  /** Whether to ask for the override reason a blacklisted client needs (shown also after such a rejection). */
  creditOverride?: boolean;
}

/** Renders the contract form with its installment plan, for creating and editing. */
export function ContractForm({ action, initialValues, hidden = {}, ...props }: FormProps) {
  const [state, formAction, pending] = useActionState(action, { values: initialValues, fieldErrors: {}, message: null });
  // The version stays the one first loaded, even if a refresh of the page
  // brings a newer one, so another user's save is reported, not overwritten.
  const [loadedIds] = useState(hidden);
  // A new key per result remounts the fields, so they show what was submitted.
  return (
    <ContractFields
      key={JSON.stringify(state)}
      state={state}
      formAction={formAction}
      pending={pending}
      hidden={loadedIds}
      {...props}
    />
  );
}

const BASIS_FIELDS = new Set<string>(["totalAmount", "signedOn", "serviceStart", "serviceEnd"]);

function ContractFields({
  state,
  formAction,
  pending,
  hidden = {},
  client,
  businessTypes,
  cancelHref,
  submitLabel,
  showCosts,
  creditOverride = false,
}: Omit<FormProps, "action" | "initialValues"> & {
  state: FormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
}) {
  const values = state.values;
  const errors = state.fieldErrors;
  const [basis, setBasis] = useState<PlanBasis>({
    totalAmount: values.totalAmount ?? "",
    signedOn: values.signedOn ?? "",
    serviceStart: values.serviceStart ?? "",
    serviceEnd: values.serviceEnd ?? "",
  });

  // The plan editor follows the total and dates as they are typed.
  function trackBasis(event: FormEvent<HTMLFormElement>) {
    const input = event.target as HTMLInputElement;
    if (BASIS_FIELDS.has(input.name)) setBasis((current) => ({ ...current, [input.name]: input.value }));
  }

  const typeOptions = businessTypes
    .filter((type) => type.active || String(type.id) === values.businessTypeId)
    .map((type) => ({ value: String(type.id), label: type.name }));

  return (
    <form action={formAction} onInput={trackBasis} className="max-w-4xl space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ClientField client={client} value={values.clientId} error={errors.clientId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="合同编号" name="contractNo" required error={errors.contractNo}>
          <TextInput name="contractNo" defaultValue={values.contractNo} error={errors.contractNo} maxLength={50} />
        </Field>
        <Field label="业务类型" name="businessTypeId" required error={errors.businessTypeId}>
          <Select
            name="businessTypeId"
            defaultValue={values.businessTypeId ?? ""}
            error={errors.businessTypeId}
            options={typeOptions}
            placeholder="请选择"
          />
        </Field>
      </div>
      <Field label="合同内容 / 项目名称" name="title" required error={errors.title}>
        <TextInput name="title" defaultValue={values.title} error={errors.title} maxLength={200} placeholder="如 人民路候车亭灯箱 20 块 × 3 个月" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="签订日期" name="signedOn" required error={errors.signedOn}>
          <TextInput name="signedOn" type="date" defaultValue={values.signedOn} error={errors.signedOn} />
        </Field>
        <Field label="服务（发布）期开始" name="serviceStart" error={errors.serviceStart} hint="上刊日">
          <TextInput name="serviceStart" type="date" defaultValue={values.serviceStart} error={errors.serviceStart} />
        </Field>
        <Field label="服务（发布）期结束" name="serviceEnd" error={errors.serviceEnd} hint="结案日">
          <TextInput name="serviceEnd" type="date" defaultValue={values.serviceEnd} error={errors.serviceEnd} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="合同金额（元）" name="totalAmount" required error={errors.totalAmount}>
          <TextInput name="totalAmount" inputMode="decimal" defaultValue={values.totalAmount} error={errors.totalAmount} placeholder="如 120000.00" />
        </Field>
        {showCosts ? (
          <>
            <Field label="媒体采购成本（元）" name="mediaCost" error={errors.mediaCost} hint="不填为 0">
              <TextInput name="mediaCost" inputMode="decimal" defaultValue={values.mediaCost} error={errors.mediaCost} />
            </Field>
            <Field label="制作成本（元）" name="productionCost" error={errors.productionCost} hint="不填为 0">
              <TextInput name="productionCost" inputMode="decimal" defaultValue={values.productionCost} error={errors.productionCost} />
            </Field>
          </>
        ) : null}
      </div>
      <PlanEditor values={values} errors={errors} basis={basis} />
      <Field label="备注" name="notes" error={errors.notes}>
        <TextArea name="notes" defaultValue={values.notes} error={errors.notes} />
      </Field>
      {creditOverride || errors.creditOverrideReason ? (
        <Field
          label="放行原因（管理员填写）"
          name="creditOverrideReason"
          error={errors.creditOverrideReason}
          hint="客户在拒绝合作名单上，须由管理员说明放行原因，原因将记录在案"
        >
          <TextInput
            name="creditOverrideReason"
            maxLength={200}
            defaultValue={values.creditOverrideReason}
            error={errors.creditOverrideReason}
          />
        </Field>
      ) : null}
      <div className="flex items-center gap-3 pt-2">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className="text-sm text-slate-600 hover:underline">
          取消
        </Link>
      </div>
    </form>
  );
}

function ClientField({ client, value, error }: { client: ClientChoice; value?: string; error?: string }) {
  if (client.kind === "fixed") {
    return (
      <div>
        <div className="text-sm font-medium text-slate-700">客户</div>
        <p className="mt-1 text-sm text-slate-900">{client.name}</p>
        <input type="hidden" name="clientId" value={String(client.id)} />
        {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
      </div>
    );
  }
  return (
    <Field label="客户" name="clientId" required error={error}>
      <Select
        name="clientId"
        defaultValue={value ?? ""}
        error={error}
        options={client.options.map((option) => ({ value: String(option.id), label: option.name }))}
        placeholder="请选择客户"
      />
    </Field>
  );
}
