"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Field, Select, SubmitButton, TextInput } from "../../components/form";
import { Alert } from "../../components/ui";
import { EMPTY_FORM } from "../../lib/form-types";
import { createUserAction, setDisabledAction, setPasswordAction, updateUserAction } from "./actions";

export interface Option {
  value: string;
  label: string;
}

const PASSWORD_HINT = "至少 10 个字符；请通过可靠方式告诉本人，并提醒其妥善保管";

/** Role and linked staff member, shared by the create and edit forms. */
function RoleFields({
  values,
  errors,
  roles,
  staff,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  roles: readonly Option[];
  staff: readonly Option[];
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="角色" name="role" required error={errors.role}>
        <Select name="role" defaultValue={values.role ?? "viewer"} error={errors.role} options={roles} />
      </Field>
      <Field label="关联业务员" name="staffId" error={errors.staffId} hint="角色为业务员时必选：账号只能看到该业务员负责的客户">
        <Select name="staffId" defaultValue={values.staffId ?? ""} error={errors.staffId} options={staff} placeholder="（不关联）" />
      </Field>
    </div>
  );
}

/** Creates an account with an initial password. */
export function CreateUserForm({ roles, staff }: { roles: readonly Option[]; staff: readonly Option[] }) {
  const [state, formAction, pending] = useActionState(createUserAction, EMPTY_FORM);
  const values = state.values;
  const errors = state.fieldErrors;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="姓名" name="name" required error={errors.name}>
          <TextInput name="name" defaultValue={values.name} error={errors.name} maxLength={50} required />
        </Field>
        <Field label="用户名" name="username" required error={errors.username} hint="登录用；3–30 个英文字母、数字、下划线或点">
          <TextInput name="username" defaultValue={values.username} error={errors.username} maxLength={30} autoComplete="off" required />
        </Field>
        <Field label="邮箱" name="email" required error={errors.email} hint="也可用邮箱登录">
          <TextInput name="email" type="email" defaultValue={values.email} error={errors.email} maxLength={100} autoComplete="off" required />
        </Field>
      </div>
      <RoleFields values={values} errors={errors} roles={roles} staff={staff} />
      <PasswordFields errors={errors} label="初始密码" />
      <SubmitButton pending={pending}>创建账号</SubmitButton>
    </form>
  );
}

function PasswordFields({ errors, label }: { errors: Record<string, string>; label: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={label} name="password" required error={errors.password} hint={PASSWORD_HINT}>
        <TextInput name="password" type="password" error={errors.password} autoComplete="new-password" maxLength={128} required />
      </Field>
      <Field label="再次输入密码" name="passwordConfirm" required error={errors.passwordConfirm}>
        <TextInput name="passwordConfirm" type="password" error={errors.passwordConfirm} autoComplete="new-password" maxLength={128} required />
      </Field>
    </div>
  );
}

/** Changes a user's name, role and linked staff member. */
export function EditUserForm({
  userId,
  initialValues,
  roles,
  staff,
}: {
  userId: string;
  initialValues: Record<string, string>;
  roles: readonly Option[];
  staff: readonly Option[];
}) {
  const [state, formAction, pending] = useActionState(updateUserAction, { ...EMPTY_FORM, values: initialValues });
  const values = state.values;
  const errors = state.fieldErrors;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="userId" value={userId} />
      <Field label="姓名" name="name" required error={errors.name}>
        <TextInput name="name" defaultValue={values.name} error={errors.name} maxLength={50} required />
      </Field>
      <RoleFields values={values} errors={errors} roles={roles} staff={staff} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending}>保存</SubmitButton>
        <Link href="/settings/users" className="text-sm text-slate-600 hover:underline">
          返回账号列表
        </Link>
      </div>
    </form>
  );
}

/** Sets a new password, which signs the user out everywhere. */
export function SetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction, pending] = useActionState(setPasswordAction, EMPTY_FORM);

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="userId" value={userId} />
      <PasswordFields errors={state.fieldErrors} label="新密码" />
      <SubmitButton pending={pending}>重置密码</SubmitButton>
    </form>
  );
}

/** Disables (停用) or enables the account. */
export function DisableUserForm({ userId, disabled }: { userId: string; disabled: boolean }) {
  const [state, formAction, pending] = useActionState(setDisabledAction, EMPTY_FORM);

  return (
    <form action={formAction} className="space-y-3">
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "0" : "1"} />
      <p className="text-sm text-slate-600">
        {disabled
          ? "该账号已停用，不能登录。启用后可用原密码登录。"
          : "停用后该账号立即退出所有已登录的设备，且不能再登录；数据和操作记录都保留。"}
      </p>
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${
          disabled ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-red-300 bg-white text-red-700 hover:bg-red-50"
        }`}
      >
        {disabled ? "启用账号" : "停用账号"}
      </button>
    </form>
  );
}
