import { z } from "zod";

import { DOCUMENT_KINDS, LETTER_LEVELS } from "../domain/document-number";
import { badInput } from "../errors";
import { type BatchFormat, getBatchJob, startBatchJob } from "../services/document-batches";
import {
  getIssuedDocument,
  getIssuedDocumentSummary,
  listIssuedDocuments,
  voidDocument,
} from "../services/document-register";
import {
  clearCompanySeal,
  COMPANY_SEAL_KEY,
  currentSeal,
  getLetterWording,
  LETTER_WORDING_KEY,
  loadSealImages,
  MAX_SEAL_BYTES,
  saveCompanySeal,
  saveLetterWording,
} from "../services/document-settings";
import {
  issueCollectionLetter,
  issueCollectionLetterBatch,
  leveledLetterFacts,
  MAX_BATCH_LETTERS,
  MAX_PDF_LETTERS,
  suggestedLetterLevel,
} from "../services/letters";
import { procedure, router } from "../trpc";
import { date, id, optionalDate, optionalId, text } from "../validation";

const documentKind = z.enum(DOCUMENT_KINDS, {
  error: (issue) => `文书类型 "${String(issue.input).slice(0, 40)}" 无效`,
});

const letterLevel = z.enum(LETTER_LEVELS, {
  error: (issue) => `函件级别 "${String(issue.input).slice(0, 40)}" 无效，应为付款提醒函、催款函或最后催告函`,
});

const levelOrSuggested = z.union([letterLevel, z.literal("suggested")], {
  error: (issue) => `函件级别 "${String(issue.input).slice(0, 40)}" 无效，应为付款提醒函、催款函、最后催告函或按建议`,
});

/** Letter date and pay-by date as issuing and previewing take them. */
const letterDates = {
  asOf: date("函件日期").optional(),
  payBy: optionalDate("付款期限"),
};

/** Returns the letter date, today when not given, and rejects a date after today. */
function letterDate(asOf: string | undefined, today: string): string {
  if (asOf && asOf > today) {
    throw badInput("asOf", `函件日期 ${asOf} 晚于今天（${today}），函件只能按今天或以前的日期出具`);
  }
  return asOf ?? today;
}

const wordingField = (label: string, max: number, required = true) =>
  text(label, { max, required, multiline: false });

const batchFormat = z.enum(["pdf", "zip"], { error: "输出格式只能是 pdf（合并为一个文件）或 zip（每家客户一个文件）" });

/** The register of issued documents (文书登记), collection letters and batch printing. */
export const documentsRouter = router({
  list: procedure
    .input(
      z.object({
        kind: documentKind.nullable().optional(),
        clientId: optionalId("客户"),
        year: z
          .number({ error: (issue) => `年份 "${String(issue.input)}" 无效` })
          .int({ error: "年份无效" })
          .min(2000, { error: "年份无效" })
          .max(9999, { error: "年份无效" })
          .nullable()
          .optional(),
        status: z.enum(["live", "voided"], { error: "状态只能是有效或已作废" }).nullable().optional(),
        search: text("文号", { max: 40 }).optional(),
        page: z.number({ error: "页码无效" }).int({ error: "页码无效" }).min(1, { error: "页码无效" }).max(10000, { error: "页码无效" }).default(1),
      }),
    )
    .query(({ ctx, input }) =>
      listIssuedDocuments(ctx.db, { ...input, limit: 100, offset: (input.page - 1) * 100 }, ctx.scope),
    ),

  get: procedure
    .input(z.object({ documentId: id("文书") }))
    .query(({ ctx, input }) => getIssuedDocumentSummary(ctx.db, input.documentId, ctx.scope)),

  /** The frozen payload and the images it refers to, for rendering the PDF again. */
  download: procedure
    .input(z.object({ documentId: id("文书") }))
    .query(async ({ ctx, input }) => {
      const document = await getIssuedDocument(ctx.db, input.documentId, ctx.scope);
      const sealSha256 = typeof document.payload.sealSha256 === "string" ? document.payload.sealSha256 : null;
      return {
        kind: document.kind,
        number: document.number,
        fileName: document.fileName,
        voidedAt: document.voidedAt,
        payload: document.payload,
        images: await loadSealImages(ctx.db, [sealSha256]),
      };
    }),

  void: procedure
    .input(z.object({ documentId: id("文书"), reason: text("作废原因", { required: true, max: 200 }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("document", input.documentId);
      return voidDocument(ctx.db, input.documentId, input.reason, ctx.user, ctx.clock.nowIso(), ctx.scope);
    }),

  suggestLevel: procedure
    .input(z.object({ clientId: id("客户"), asOf: date("函件日期").optional() }))
    .query(({ ctx, input }) =>
      suggestedLetterLevel(ctx.db, { clientId: input.clientId, asOf: letterDate(input.asOf, ctx.clock.today()) }, ctx.scope),
    ),

  /** Facts of a letter not issued: a preview with no number. */
  previewLetter: procedure
    .input(z.object({ clientId: id("客户"), level: letterLevel.default("collection_demand"), ...letterDates }))
    .query(({ ctx, input }) =>
      leveledLetterFacts(
        ctx.db,
        { clientId: input.clientId, level: input.level, asOf: letterDate(input.asOf, ctx.clock.today()), payBy: input.payBy },
        ctx.scope,
      ),
    ),

  issueLetter: procedure
    .input(z.object({ clientId: id("客户"), level: levelOrSuggested, ...letterDates }))
    .mutation(async ({ ctx, input }) => {
      const issued = await issueCollectionLetter(
        ctx.db,
        { ...input, asOf: letterDate(input.asOf, ctx.clock.today()) },
        ctx.user,
        { today: ctx.clock.today(), nowIso: ctx.clock.nowIso() },
        ctx.scope,
      );
      ctx.audit.created("document", issued.documentId);
      return issued;
    }),

  /** Issues letters to the chosen clients, or to every overdue client, in one transaction. */
  issueBatch: procedure
    .input(
      z.object({
        clientIds: z
          .array(id("客户"), { error: "客户列表无效" })
          .max(MAX_BATCH_LETTERS, { error: `一次最多选择 ${MAX_BATCH_LETTERS} 家客户` })
          .nullable()
          .optional(),
        allOverdue: z.boolean({ error: "“全部逾期客户”必须是是或否" }).default(false),
        level: levelOrSuggested.default("suggested"),
        format: batchFormat.default("pdf"),
        ...letterDates,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!input.allOverdue && (!input.clientIds || input.clientIds.length === 0)) {
        throw badInput("clientIds", "请勾选要打印催款函的客户，或选择“全部逾期客户”");
      }
      const result = await issueCollectionLetterBatch(
        ctx.db,
        {
          clientIds: input.allOverdue ? null : input.clientIds!,
          asOf: letterDate(input.asOf, ctx.clock.today()),
          payBy: input.payBy,
          level: input.level,
          format: input.format,
        },
        ctx.user,
        { today: ctx.clock.today(), nowIso: ctx.clock.nowIso() },
        ctx.scope,
      );
      return { ...result, documentIds: result.issued.map((letter) => letter.documentId) };
    }),

  /** Starts building issued letters into one PDF or a zip in the background. */
  startBatch: procedure
    .input(
      z.object({
        documentIds: z
          .array(id("文书"), { error: "文书列表无效" })
          .min(1, { error: "请至少选择一份文书" })
          .max(MAX_BATCH_LETTERS, { error: `一次最多打印 ${MAX_BATCH_LETTERS} 份文书` }),
        format: batchFormat,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const documentIds = [...new Set(input.documentIds)];
      if (input.format === "pdf" && documentIds.length > MAX_PDF_LETTERS) {
        throw badInput("format", `合并为一个 PDF 最多 ${MAX_PDF_LETTERS} 份，请改选 zip`);
      }
      for (const documentId of documentIds) await getIssuedDocument(ctx.db, documentId, ctx.scope);
      const format: BatchFormat = input.format;
      const job = await startBatchJob(ctx.db, {
        documentIds,
        format,
        userId: ctx.user.id,
        nowIso: ctx.clock.nowIso(),
        fileName: `批量催款函_${ctx.clock.today()}_${documentIds.length}份.${format}`,
      });
      return { jobId: job.id, total: job.total };
    }),

  batchStatus: procedure
    .input(z.object({ jobId: z.string({ error: "任务编号无效" }).uuid({ error: "任务编号无效" }) }))
    .query(({ ctx, input }) => getBatchJob(input.jobId, ctx.user.id, ctx.scope.accountManagerId === null)),

  wording: procedure.query(({ ctx }) => getLetterWording(ctx.db)),

  saveWording: procedure
    .input(
      z.object({
        level: letterLevel,
        title: wordingField("标题", 12),
        opening: wordingField("开头段落", 300),
        request: wordingField("付款要求", 200),
        consequence: wordingField("结尾段落", 600),
        clauseReference: wordingField("合同条款", 200, false),
        closingPhrase: wordingField("结束语", 12),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("setting", LETTER_WORDING_KEY);
      const { level, ...wording } = input;
      return saveLetterWording(ctx.db, ctx.clock, level, wording);
    }),

  seal: procedure.query(({ ctx }) => currentSeal(ctx.db)),

  saveSeal: procedure
    .input(
      z.object({
        pngBase64: z
          .string({ error: "请选择印章图片文件" })
          .max(Math.ceil((MAX_SEAL_BYTES * 4) / 3) + 4, { error: "印章图片超过 1 MB 上限，请压缩后重新上传" })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "印章图片内容无效，请重新选择文件" }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("setting", COMPANY_SEAL_KEY);
      return saveCompanySeal(ctx.db, ctx.clock, input.pngBase64);
    }),

  clearSeal: procedure.mutation(async ({ ctx }) => {
    await ctx.audit.before("setting", COMPANY_SEAL_KEY);
    return clearCompanySeal(ctx.db, ctx.clock);
  }),
});
