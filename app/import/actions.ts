"use server";

import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { failedForm, type FormState, formValues } from "../lib/form-state";
import { type ImportSettings, importSettings } from "./settings";

/**
 * Uploads the chosen file, checks that its header can be found, and opens
 * the column mapping step.
 */
export async function uploadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return { values, fieldErrors: { file: "请选择要导入的 .xlsx 或 .csv 文件" }, message: "请选择要导入的 .xlsx 或 .csv 文件" };
  }

  let uploadId: string;
  try {
    const caller = await serverCaller();
    const content = Buffer.from(await file.arrayBuffer()).toString("base64");
    ({ uploadId } = await caller.imports.upload({ fileName: file.name, content }));
    await caller.imports.inspect({ uploadId, entity: values.entity as ImportSettings["entity"], preset: values.preset || null });
  } catch (error) {
    const failed = failedForm(error, values);
    return { ...failed, fieldErrors: { ...failed.fieldErrors, file: failed.message ?? "" } };
  }

  const query = new URLSearchParams({ upload: uploadId, entity: values.entity ?? "" });
  if (values.preset) query.set("preset", values.preset);
  redirect(`/import?${query.toString()}`);
}

/**
 * Starts importing the previewed file with the mapping shown, all rows or
 * none, in the background, and opens the page that shows its progress.
 */
export async function confirmAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let jobId: string;
  try {
    const caller = await serverCaller();
    ({ jobId } = await caller.imports.startConfirm(importSettings(values)));
  } catch (error) {
    return failedForm(error, values);
  }

  redirect(`/import/jobs/${jobId}`);
}

/** Saves the mapping on the page as a named preset (导入方案). */
export async function savePresetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const settings = importSettings(values);
  try {
    const caller = await serverCaller();
    await caller.imports.savePreset({ name: values.name ?? "", entity: settings.entity, mapping: settings.mapping, dateOrder: settings.dateOrder });
  } catch (error) {
    return failedForm(error, values);
  }
  return { values, fieldErrors: {}, message: `已保存导入方案“${values.name?.trim()}”，下次导入时可在“导入方案”中选择。` };
}
