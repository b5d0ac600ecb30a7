import { z } from "zod";

import { ENTITY_FIELDS, ENTITY_LABELS, IMPORT_ENTITIES, type ImportEntity } from "../import/fields";
import {
  confirmImport,
  getImport,
  importHistory,
  inspectUpload,
  listPresets,
  previewImport,
  savePreset,
  uploadFile,
} from "../import/service";
import { getImportJob, startImportJob } from "../import/jobs";
import { isUploadId, MAX_UPLOAD_BYTES } from "../import/uploads";
import { procedure, router } from "../trpc";
import { id, text } from "../validation";

/** Spreadsheet import (导入): upload, map columns, preview, confirm; presets and history. */

const entity = z.enum(IMPORT_ENTITIES, {
  error: (issue) => `导入内容 "${String(issue.input).slice(0, 40)}" 无效，只能是 ${IMPORT_ENTITIES.map((key) => ENTITY_LABELS[key]).join("、")}`,
});

const uploadId = z
  .string({ error: "请先上传文件" })
  .refine(isUploadId, { error: (issue) => `上传文件编号 "${String(issue.input).slice(0, 40)}" 无效，请重新上传` });

const dateOrder = z.enum(["ymd", "mdy"], { error: "日期写法只能是 年-月-日 或 月/日/年" }).default("ymd");

const presetName = z
  .union([z.literal(""), z.null(), text("导入方案", { max: 50 })])
  .optional()
  .transform((value) => value || null);

const mapping = z.record(
  z.string().max(50, { error: "字段名过长" }),
  z.string({ error: "列对应必须是列名文字" }).max(200, { error: "列名不能超过 200 个字" }),
  { error: "列对应无效" },
);

/** Base64 length of MAX_UPLOAD_BYTES, plus padding. */
const MAX_BASE64 = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4;

/** The import settings a preview and a confirm take. */
const importInput = z.object({
  uploadId,
  entity,
  mapping,
  dateOrder,
  defaultBusinessType: text("默认业务类型", { max: 50 }),
  preset: presetName,
});

function specOf(input: z.infer<typeof importInput>) {
  const fields = new Set(ENTITY_FIELDS[input.entity].map((field) => field.key));
  const cleaned = Object.fromEntries(Object.entries(input.mapping).filter(([key, header]) => fields.has(key) && header !== ""));
  return {
    entity: input.entity as ImportEntity,
    mapping: cleaned,
    dateOrder: input.dateOrder,
    defaultBusinessType: input.defaultBusinessType || undefined,
  };
}

export const importsRouter = router({
  /** Stores an uploaded file (base64) until it is imported or a day old; its import record is the audit subject. */
  upload: procedure
    .input(
      z.object({
        fileName: text("文件名", { max: 200, required: true }),
        content: z
          .string({ error: "请选择要上传的文件" })
          .min(1, { error: "请选择要上传的文件" })
          .max(MAX_BASE64, { error: `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请用命令行导入（npm run import）` }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await uploadFile(ctx.db, ctx.clock, { id: ctx.user.id, name: ctx.user.name }, {
        fileName: input.fileName,
        content: Buffer.from(input.content, "base64"),
      });
      ctx.audit.created("import", result.importId);
      return result;
    }),

  inspect: procedure
    .input(z.object({ uploadId, entity, preset: presetName }))
    .query(({ ctx, input }) => inspectUpload(ctx.db, input)),

  preview: procedure.input(importInput).query(({ ctx, input }) => previewImport(ctx.db, ctx.clock, input.uploadId, specOf(input))),

  confirm: procedure.input(importInput).mutation(async ({ ctx, input }) => {
    const result = await confirmImport(ctx.db, ctx.clock, { id: ctx.user.id, name: ctx.user.name }, {
      uploadId: input.uploadId,
      spec: specOf(input),
      preset: input.preset,
    });
    ctx.audit.created("import", result.importId);
    return result;
  }),

  /**
   * Starts confirming in the background and returns the job id for
   * confirmStatus. It runs outside the request transaction (server/trpc.ts
   * OUTSIDE_TRANSACTION) because the job opens its own, all rows or none.
   */
  startConfirm: procedure.input(importInput).mutation(async ({ ctx, input }) => {
    const job = await startImportJob(ctx.db, ctx.clock, { id: ctx.user.id, name: ctx.user.name }, {
      uploadId: input.uploadId,
      spec: specOf(input),
      preset: input.preset,
    });
    ctx.audit.before("import", job.importId);
    return { jobId: job.id, importId: job.importId };
  }),

  /** Progress of a confirm job: rows read of the total, then the counts or the Chinese error. */
  confirmStatus: procedure
    .input(z.object({ jobId: z.string({ error: "导入任务编号无效" }).uuid({ error: "导入任务编号无效" }) }))
    .query(({ ctx, input }) => getImportJob(input.jobId, ctx.user.id, ctx.scope.accountManagerId === null)),

  presets: procedure.query(({ ctx }) => listPresets(ctx.db)),

  savePreset: procedure
    .input(z.object({ name: text("方案名称", { max: 50, required: true }), entity, mapping, dateOrder }))
    .mutation(({ ctx, input }) => {
      const fields = new Set(ENTITY_FIELDS[input.entity].map((field) => field.key));
      const cleaned = Object.fromEntries(Object.entries(input.mapping).filter(([key, header]) => fields.has(key) && header !== ""));
      return savePreset(ctx.db, ctx.clock, { id: ctx.user.id, name: ctx.user.name }, { ...input, mapping: cleaned });
    }),

  history: procedure.query(({ ctx }) => importHistory(ctx.db)),

  get: procedure.input(z.object({ importId: id("导入记录") })).query(({ ctx, input }) => getImport(ctx.db, input.importId)),
});
