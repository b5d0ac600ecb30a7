"use client";

import { useActionState } from "react";

import { Field, Select, SubmitButton, TextInput } from "../../components/form";
import { Alert } from "../../components/ui";
import { EMPTY_FORM, type FormState } from "../../lib/form-types";
import {
  removeHolidayAction,
  saveDingtalkChannelAction,
  saveEmailChannelAction,
  saveHolidayAction,
  saveReminderRulesAction,
  saveWecomChannelAction,
  sendTestAction,
  setStaffEmailAction,
} from "./actions";

function Checkbox({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked: boolean; hint?: string }) {
  return (
    <label htmlFor={name} className="flex items-start gap-2 text-sm text-slate-700">
      <input id={name} name={name} type="checkbox" defaultChecked={defaultChecked} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
      <span>
        {label}
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}

/** Shows whether a secret is stored, without showing the secret. */
function SecretState({ set }: { set: boolean }) {
  return set ? (
    <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">已设置</span>
  ) : (
    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">未设置</span>
  );
}

function initial(values: Record<string, string>): FormState {
  return { ...EMPTY_FORM, values };
}

export function ReminderRulesForm({ values }: { values: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(saveReminderRulesAction, initial(values));
  const errors = state.fieldErrors;
  const on = (key: string) => state.values[key] === "on";

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Checkbox name="enabled" label="启用每日回款提醒" defaultChecked={on("enabled")} hint="关闭后定时任务和命令行都不发送提醒" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="提前提醒天数" name="daysBefore" error={errors.daysBefore} hint="到期前几天提醒，0 为不提前提醒（最多 60）">
          <TextInput name="daysBefore" inputMode="numeric" defaultValue={state.values.daysBefore} error={errors.daysBefore} />
        </Field>
        <Field label="逾期提醒间隔天数" name="overdueEveryDays" error={errors.overdueEveryDays} hint="逾期后每隔几天提醒一次，0 为不提醒（最多 90）">
          <TextInput name="overdueEveryDays" inputMode="numeric" defaultValue={state.values.overdueEveryDays} error={errors.overdueEveryDays} />
        </Field>
        <Field label="最低提醒金额（元）" name="minAmount" error={errors.minAmount} hint="未收金额低于此数的分期不提醒，空为 0">
          <TextInput name="minAmount" inputMode="decimal" defaultValue={state.values.minAmount} error={errors.minAmount} />
        </Field>
        <Field label="发送时间" name="sendAt" error={errors.sendAt} hint="每天几点发送，HH:MM，按业务时区">
          <TextInput name="sendAt" defaultValue={state.values.sendAt} error={errors.sendAt} placeholder="09:00" maxLength={5} />
        </Field>
      </div>
      <div className="flex flex-wrap gap-6">
        <Checkbox name="onDueDate" label="到期当日提醒" defaultChecked={on("onDueDate")} />
        <Checkbox
          name="skipNonWorkingDays"
          label="周末和法定节假日不发送"
          defaultChecked={on("skipNonWorkingDays")}
          hint="调休上班日照常发送；跳过的日子并入下一个工作日的提醒"
        />
      </div>
      <SubmitButton pending={pending}>保存提醒规则</SubmitButton>
    </form>
  );
}

export function EmailChannelForm({ values, passwordSet }: { values: Record<string, string>; passwordSet: boolean }) {
  const [state, formAction, pending] = useActionState(saveEmailChannelAction, initial(values));
  const errors = state.fieldErrors;
  const v = state.values;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Checkbox name="emailEnabled" label="启用电子邮件" defaultChecked={v.emailEnabled === "on"} hint="业务员收到自己客户的提醒，财务收到全部客户的汇总" />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field label="SMTP 服务器" name="emailHost" error={errors.emailHost} hint="如 smtp.exmail.qq.com">
          <TextInput name="emailHost" defaultValue={v.emailHost} error={errors.emailHost} maxLength={200} />
        </Field>
        <Field label="端口" name="emailPort" error={errors.emailPort} hint="TLS 通常为 465，明文或 STARTTLS 为 25 或 587">
          <TextInput name="emailPort" inputMode="numeric" defaultValue={v.emailPort} error={errors.emailPort} maxLength={5} />
        </Field>
      </div>
      <Checkbox name="emailTls" label="使用 TLS 加密连接" defaultChecked={v.emailTls === "on"} hint="关闭时以明文连接，服务器支持时自动升级为 STARTTLS" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="SMTP 用户名" name="emailUser" error={errors.emailUser} hint="通常是发件邮箱；空为不登录">
          <TextInput name="emailUser" defaultValue={v.emailUser} error={errors.emailUser} maxLength={200} autoComplete="off" />
        </Field>
        <Field
          label="SMTP 密码"
          name="emailSmtpPassword"
          error={errors.emailSmtpPassword}
          hint={<>{passwordSet ? "已保存密码，不会显示；填写新密码可替换，留空则保留原密码" : "邮箱的授权码或密码"}</>}
        >
          <TextInput name="emailSmtpPassword" type="password" error={errors.emailSmtpPassword} autoComplete="new-password" maxLength={200} />
        </Field>
        <Field label="发件人邮箱" name="emailFrom" error={errors.emailFrom} hint="测试消息也发到这个地址">
          <TextInput name="emailFrom" type="email" defaultValue={v.emailFrom} error={errors.emailFrom} maxLength={200} />
        </Field>
        <Field
          label="财务汇总收件人"
          name="emailFinanceRecipients"
          error={errors.emailFinanceRecipients}
          hint="多个地址用逗号分隔；留空则发给所有财务账号的邮箱"
        >
          <TextInput name="emailFinanceRecipients" defaultValue={v.emailFinanceRecipients} error={errors.emailFinanceRecipients} />
        </Field>
      </div>
      <p className="text-xs text-slate-500">
        SMTP 密码<SecretState set={passwordSet} />
      </p>
      <SubmitButton pending={pending}>保存电子邮件设置</SubmitButton>
    </form>
  );
}

export function WecomChannelForm({ enabled, webhookUrlSet }: { enabled: boolean; webhookUrlSet: boolean }) {
  const [state, formAction, pending] = useActionState(saveWecomChannelAction, initial({ wecomEnabled: enabled ? "on" : "" }));
  const errors = state.fieldErrors;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Checkbox name="wecomEnabled" label="启用企业微信群机器人" defaultChecked={state.values.wecomEnabled === "on"} />
      <Field
        label="Webhook 地址"
        name="wecomWebhookUrl"
        error={errors.wecomWebhookUrl}
        hint={webhookUrlSet ? "已保存地址，不会显示；粘贴新地址可替换，留空则保留" : "群机器人的 Webhook 地址，形如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"}
      >
        <TextInput name="wecomWebhookUrl" type="password" error={errors.wecomWebhookUrl} autoComplete="off" maxLength={1000} />
      </Field>
      <p className="text-xs text-slate-500">
        Webhook 地址<SecretState set={webhookUrlSet} />
        <span className="ml-2">每个机器人每分钟最多 20 条消息，超长的提醒按 4096 字节分条发送。</span>
      </p>
      <SubmitButton pending={pending}>保存企业微信设置</SubmitButton>
    </form>
  );
}

export function DingtalkChannelForm({
  enabled,
  webhookUrlSet,
  signingSecretSet,
}: {
  enabled: boolean;
  webhookUrlSet: boolean;
  signingSecretSet: boolean;
}) {
  const [state, formAction, pending] = useActionState(saveDingtalkChannelAction, initial({ dingtalkEnabled: enabled ? "on" : "" }));
  const errors = state.fieldErrors;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <Checkbox name="dingtalkEnabled" label="启用钉钉群机器人" defaultChecked={state.values.dingtalkEnabled === "on"} />
      <Field
        label="Webhook 地址"
        name="dingtalkWebhookUrl"
        error={errors.dingtalkWebhookUrl}
        hint={webhookUrlSet ? "已保存地址，不会显示；粘贴新地址可替换，留空则保留" : "形如 https://oapi.dingtalk.com/robot/send?access_token=…"}
      >
        <TextInput name="dingtalkWebhookUrl" type="password" error={errors.dingtalkWebhookUrl} autoComplete="off" maxLength={1000} />
      </Field>
      <Field
        label="加签密钥"
        name="dingtalkSigningSecret"
        error={errors.dingtalkSigningSecret}
        hint={signingSecretSet ? "已保存密钥，不会显示；填写新密钥可替换，留空则保留" : "机器人安全设置中“加签”的密钥，以 SEC 开头"}
      >
        <TextInput name="dingtalkSigningSecret" type="password" error={errors.dingtalkSigningSecret} autoComplete="off" maxLength={200} />
      </Field>
      <p className="text-xs text-slate-500">
        Webhook 地址<SecretState set={webhookUrlSet} />
        <span className="ml-3">加签密钥</span>
        <SecretState set={signingSecretSet} />
      </p>
      <SubmitButton pending={pending}>保存钉钉设置</SubmitButton>
    </form>
  );
}

/** Renders the 发送测试消息 button of one channel, with the outcome below it. */
export function SendTestButton({ channel }: { channel: string }) {
  const [state, formAction, pending] = useActionState(sendTestAction, EMPTY_FORM);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="channel" value={channel} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "发送中…" : "发送测试消息"}
      </button>
      {state.message ? <Alert tone={state.values.sent === "1" ? "success" : undefined}>{state.message}</Alert> : null}
    </form>
  );
}

export function StaffEmailForm({ staffId, email }: { staffId: number; email: string }) {
  const name = `staffEmail${staffId}`;
  const [state, formAction, pending] = useActionState(setStaffEmailAction, initial({ [name]: email }));
  const error = state.fieldErrors[name];
  return (
    <form key={JSON.stringify(state)} action={formAction} className="flex items-start gap-2" noValidate>
      <input type="hidden" name="staffId" value={staffId} />
      <div className="min-w-56 flex-1">
        <TextInput name={name} type="email" defaultValue={state.values[name]} error={error} placeholder="name@example.com" maxLength={200} />
        {error || (state.message && !error) ? <p className="mt-1 text-xs text-red-700">{error ?? state.message}</p> : null}
      </div>
      <div className="pt-1">
        <SubmitButton pending={pending}>保存</SubmitButton>
      </div>
    </form>
  );
}

export function HolidayForm({ values }: { values: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(saveHolidayAction, initial(values));
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-start">
        <Field label="日期" name="date" required error={errors.date}>
          <TextInput name="date" type="date" defaultValue={state.values.date} error={errors.date} required />
        </Field>
        <Field label="类型" name="kind" required error={errors.kind}>
          <Select
            name="kind"
            defaultValue={state.values.kind || "holiday"}
            error={errors.kind}
            options={[
              { value: "holiday", label: "放假" },
              { value: "workday", label: "调休上班" },
            ]}
          />
        </Field>
        <Field label="名称" name="name" required error={errors.name} hint="如 春节、国庆节调休上班">
          <TextInput name="name" defaultValue={state.values.name} error={errors.name} maxLength={30} required />
        </Field>
        <div className="sm:pt-6">
          <SubmitButton pending={pending}>保存日期</SubmitButton>
        </div>
      </div>
      <p className="text-xs text-slate-500">已有的日期再次保存即为修改。</p>
    </form>
  );
}

export function RemoveHolidayButton({ date }: { date: string }) {
  const [state, formAction, pending] = useActionState(removeHolidayAction, EMPTY_FORM);
  return (
    <form action={formAction}>
      <input type="hidden" name="date" value={date} />
      <button type="submit" disabled={pending} className="text-sm text-red-700 hover:underline disabled:opacity-60">
        {pending ? "删除中…" : "删除"}
      </button>
      {state.message ? <span className="ml-2 text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
