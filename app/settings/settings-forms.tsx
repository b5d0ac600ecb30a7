"use client";

import { useActionState } from "react";

import { Field, SubmitButton, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import { addBusinessTypeAction, addStaffAction, saveCompanyAction } from "./actions";

/** Renders the form for the company profile (公司资料) that letters print. */
export function CompanyForm({ initialValues }: { initialValues: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(saveCompanyAction, { ...EMPTY_FORM, values: initialValues });
  const values = state.values;
  const errors = state.fieldErrors;

  return (
    // A new key per result remounts the inputs, so they show what was submitted.
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Field label="公司名称" name="name" required error={errors.name} hint="函件抬头和落款使用的全称">
        <TextInput name="name" defaultValue={values.name} error={errors.name} maxLength={100} required />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="地址" name="address" error={errors.address}>
          <TextInput name="address" defaultValue={values.address} error={errors.address} maxLength={200} />
        </Field>
        <Field label="电话" name="phone" error={errors.phone}>
          <TextInput name="phone" type="tel" defaultValue={values.phone} error={errors.phone} maxLength={50} />
        </Field>
        <Field label="开户银行" name="bankName" required error={errors.bankName} hint="如 中国工商银行上海市静安支行">
          <TextInput name="bankName" defaultValue={values.bankName} error={errors.bankName} maxLength={100} required />
        </Field>
        <Field label="账户名称" name="bankAccountName" error={errors.bankAccountName} hint="函件中“户名”一栏显示此项，通常与公司名称相同">
          <TextInput name="bankAccountName" defaultValue={values.bankAccountName} error={errors.bankAccountName} maxLength={100} />
        </Field>
        <Field label="银行账号" name="bankAccountNumber" required error={errors.bankAccountNumber} hint="只能包含数字、空格和短横线">
          <TextInput
            name="bankAccountNumber"
            inputMode="numeric"
            defaultValue={values.bankAccountNumber}
            error={errors.bankAccountNumber}
            maxLength={50}
            required
          />
        </Field>
        <Field label="签字人" name="signatory" error={errors.signatory} hint="函件落款显示为“经办人：姓名”，可不填">
          <TextInput name="signatory" defaultValue={values.signatory} error={errors.signatory} maxLength={50} />
        </Field>
      </div>
      <SubmitButton pending={pending}>保存公司资料</SubmitButton>
    </form>
  );
}

/** Adds an account manager (业务员). */
export function AddStaffForm() {
  const [state, formAction, pending] = useActionState(addStaffAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <Field label="姓名" name="staffName" required error={errors.staffName}>
          <TextInput name="staffName" defaultValue={values.staffName} error={errors.staffName} maxLength={50} required />
        </Field>
        <Field label="电话" name="staffPhone" error={errors.staffPhone}>
          <TextInput name="staffPhone" type="tel" defaultValue={values.staffPhone} error={errors.staffPhone} maxLength={50} />
        </Field>
        <div className="sm:pt-6">
          <SubmitButton pending={pending}>添加业务员</SubmitButton>
        </div>
      </div>
    </form>
  );
}

/** Adds a business type (业务类型) that contracts are classified by. */
export function AddBusinessTypeForm() {
  const [state, formAction, pending] = useActionState(addBusinessTypeAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
        <Field label="业务类型名称" name="businessTypeName" required error={errors.businessTypeName} hint="如 户外广告、新媒体；最多 30 字">
          <TextInput
            name="businessTypeName"
            defaultValue={values.businessTypeName}
            error={errors.businessTypeName}
            maxLength={30}
            required
          />
        </Field>
        <div className="sm:pt-6">
          <SubmitButton pending={pending}>添加业务类型</SubmitButton>
        </div>
      </div>
    </form>
  );
}
