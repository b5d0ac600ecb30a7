"use client";

import { useActionState } from "react";

import { Field, SubmitButton, TextInput } from "../components/form";
import { Alert } from "../components/ui";
import { EMPTY_FORM } from "../lib/form-types";
import { confirmAction, savePresetAction, uploadAction } from "./actions";

const SELECT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

function HiddenFields({ fields }: { fields: readonly [string, string][] }) {
  return fields.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** Renders step 1: the file, what it contains and the preset to start from. */
export function UploadForm({
  entities,
  presets,
  maxMegabytes,
}: {
  entities: readonly { value: string; label: string }[];
  presets: readonly { name: string; entityLabel: string }[];
  maxMegabytes: number;
}) {
  const [state, formAction, pending] = useActionState(uploadAction, EMPTY_FORM);
  const values = state.values;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-3" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="文件" name="file" required error={state.fieldErrors.file} hint={`.xlsx 或 .csv，不超过 ${maxMegabytes} MB；CSV 可为 UTF-8 或 GBK 编码`}>
          <input id="file" name="file" type="file" accept=".xlsx,.csv" className="mt-1 block w-full text-sm" />
        </Field>
        <Field label="导入内容" name="entity" required>
          <select id="entity" name="entity" defaultValue={values.entity ?? "contracts"} className={SELECT}>
            {entities.map((entity) => (
              <option key={entity.value} value={entity.value}>
                {entity.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="导入方案" name="preset" hint="方案保存列对应和日期写法；不选则按列名自动对应">
          <select id="preset" name="preset" defaultValue={values.preset ?? ""} className={SELECT}>
            <option value="">按列名自动对应</option>
            {presets.map((preset) => (
              <option key={preset.name} value={preset.name}>
                {preset.name}（{preset.entityLabel}）
              </option>
            ))}
          </select>
        </Field>
      </div>
      <SubmitButton pending={pending}>上传并对应列</SubmitButton>
    </form>
  );
}

/** Renders the confirm button of a preview; the import writes all rows or none. */
export function ConfirmForm({ fields, rows }: { fields: readonly [string, string][]; rows: number }) {
  const [state, formAction, pending] = useActionState(confirmAction, EMPTY_FORM);
  return (
    <form action={formAction} className="space-y-3">
      {state.message ? <Alert>{state.message}</Alert> : null}
      <HiddenFields fields={fields} />
      <SubmitButton pending={pending}>确认导入 {rows} 行</SubmitButton>
      <p className="text-xs text-slate-500">确认后在后台导入，并打开进度页面。导入在一个事务中完成：全部成功，或有任何一行出错时一行也不写入。</p>
    </form>
  );
}

/** Renders the form that saves the current mapping as a named preset. */
export function SavePresetForm({ fields }: { fields: readonly [string, string][] }) {
  const [state, formAction, pending] = useActionState(savePresetAction, EMPTY_FORM);
  const saved = state.message !== null && Object.keys(state.fieldErrors).length === 0 && state.values.name;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="flex flex-wrap items-end gap-3">
      <HiddenFields fields={fields} />
      <div className="w-64">
        <Field label="保存为导入方案" name="name" error={state.fieldErrors.name}>
          <TextInput name="name" maxLength={50} placeholder="如 财务部台账" defaultValue={state.values.name} error={state.fieldErrors.name} />
        </Field>
      </div>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60">
        {pending ? "保存中…" : "保存方案"}
      </button>
      {state.message ? (
        <p className={`w-full text-sm ${saved ? "text-emerald-700" : "text-red-700"}`} role="status">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
