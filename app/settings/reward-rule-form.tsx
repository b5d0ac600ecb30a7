"use client";

import { useActionState } from "react";

import { Field, Select, SubmitButton, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import type { FormState } from "../lib/form-types";
import { saveRewardRuleAction } from "./credit-actions";

/** Renders the reward rule form: enabled, rate in percent, points or rebate, and the first due date that counts. */
export function RewardRuleForm({ initialValues }: { initialValues: Record<string, string> }) {
  const initial: FormState = { values: initialValues, fieldErrors: {}, message: null };
  const [state, formAction, pending] = useActionState(saveRewardRuleAction, initial);
  const values = state.values;
  const errors = state.fieldErrors;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="enabled" defaultChecked={values.enabled === "on"} />
        启用按时回款奖励
      </label>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="奖励比例（%）" name="percent" required error={errors.percent} hint="0.01 到 10，如 0.5">
          <TextInput name="percent" inputMode="decimal" defaultValue={values.percent} error={errors.percent} />
        </Field>
        <Field label="奖励方式" name="kind" required error={errors.kind}>
          <Select
            name="kind"
            defaultValue={values.kind ?? "rebate"}
            error={errors.kind}
            options={[
              { value: "rebate", label: "返利（抵扣以后合同）" },
              { value: "points", label: "积分（每 1 元计 1 分）" },
            ]}
          />
        </Field>
        <Field label="起算日期" name="startsOn" required error={errors.startsOn} hint="此日前到期的分期不计奖励">
          <TextInput type="date" name="startsOn" defaultValue={values.startsOn} error={errors.startsOn} />
        </Field>
      </div>
      <SubmitButton pending={pending}>保存奖励规则</SubmitButton>
    </form>
  );
}
