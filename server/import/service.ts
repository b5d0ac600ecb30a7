import fs from "node:fs";
import path from "node:path";

import type { Db } from "../../db";
import { inTransaction } from "../../db/transaction";
import type { Clock } from "../clock";
import { AppError } from "../errors";
import type { DateOrder } from "./cells";
import { type ImportOutcome, type ImportSource, type ImportSpec, runImport, type RunOptions } from "./engine";
import {
  automaticMapping,
  BUILT_IN_PRESETS,
  type ColumnMapping,
  ENTITY_FIELDS,
  ENTITY_LABELS,
  findHeaderRow,
  type ImportEntity,
  type ImportPreset,
} from "./fields";
import { readSheetRows, type SheetRow } from "./readers";
import type { Tally } from "./rows";
import { deleteUpload, fileHash, storeUpload, uploadPath } from "./uploads";

/**
 * Use cases of spreadsheet import: upload, inspect (header and automatic
 * mapping), preview, confirm, presets and history. The page reaches them
 * through the imports router, the CLI (scripts/import.ts) directly.
 */

/** Person who uploads or confirms, as stored on the import record. */
export interface ImportActor {
  id: string | null;
  name: string;
}

export async function uploadFile(db: Db, clock: Clock, actor: ImportActor, input: { fileName: string; content: Buffer }) {
  const stored = storeUpload(input.fileName, input.content);
  const earlier = await db
    .selectFrom("import_record")
    .select(["id", "imported_at"])
    .where("file_hash", "=", stored.hash)
    .where("status", "=", "imported")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const row = await db
    .insertInto("import_record")
    .values({
      upload_id: stored.uploadId,
      file_name: path.basename(input.fileName),
      file_hash: stored.hash,
      file_size: stored.size,
      status: "uploaded",
      uploaded_by: actor.name,
      uploaded_at: clock.nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { importId: row.id, uploadId: stored.uploadId, importedBefore: earlier?.imported_at ?? null };
}

/** Loads the import record of an upload that is not imported yet, or throws NOT_FOUND or CONFLICT. */
export async function uploadRecord(db: Db, uploadId: string) {
  const record = await db.selectFrom("import_record").selectAll().where("upload_id", "=", uploadId).executeTakeFirst();
  if (!record) throw new AppError("NOT_FOUND", `上传的文件不存在（编号 ${uploadId}），请重新上传`);
  if (record.status === "imported") throw new AppError("CONFLICT", `文件 ${record.file_name} 已于 ${record.imported_at} 导入，如需再次导入请重新上传`);
  return record;
}

/** Finds a built-in or saved preset by name, or throws a NOT_FOUND error. */
export async function findPreset(db: Db, name: string): Promise<ImportPreset> {
  const builtIn = BUILT_IN_PRESETS.find((preset) => preset.name === name);
  if (builtIn) return builtIn;
  const saved = await db.selectFrom("import_preset").selectAll().where("name", "=", name).executeTakeFirst();
  if (!saved) throw new AppError("NOT_FOUND", `导入方案 "${name}" 不存在`);
  return {
    name: saved.name,
    entity: saved.entity as ImportEntity,
    mapping: JSON.parse(saved.mapping) as ColumnMapping,
    dateOrder: saved.date_order as DateOrder,
    builtIn: false,
    description: "",
  };
}

export async function listPresets(db: Db): Promise<ImportPreset[]> {
  const saved = await db.selectFrom("import_preset").selectAll().orderBy("name").execute();
  return [
    ...BUILT_IN_PRESETS,
    ...saved.map((row) => ({
      name: row.name,
      entity: row.entity as ImportEntity,
      mapping: JSON.parse(row.mapping) as ColumnMapping,
      dateOrder: row.date_order as DateOrder,
      builtIn: false,
      description: `由 ${row.created_by} 保存`,
    })),
  ];
}

/** Saves a named mapping, replacing a saved preset of that name; built-in names are rejected. */
export async function savePreset(
  db: Db,
  clock: Clock,
  actor: ImportActor,
  input: { name: string; entity: ImportEntity; mapping: ColumnMapping; dateOrder: DateOrder },
) {
  if (BUILT_IN_PRESETS.some((preset) => preset.name === input.name)) {
    throw new AppError("CONFLICT", `“${input.name}”是系统自带的导入方案，请换一个名称`, "name");
  }
  const values = {
    entity: input.entity,
    mapping: JSON.stringify(input.mapping),
    date_order: input.dateOrder,
    created_by: actor.name,
    updated_at: clock.nowIso(),
  };
  const existing = await db.selectFrom("import_preset").select("id").where("name", "=", input.name).executeTakeFirst();
  if (existing) {
    await db.updateTable("import_preset").set(values).where("id", "=", existing.id).execute();
    return { presetId: existing.id };
  }
  const row = await db.insertInto("import_preset").values({ name: input.name, ...values }).returning("id").executeTakeFirstOrThrow();
  return { presetId: row.id };
}

/** Builds the mapping to start from: the preset's column where the file has it, else the automatic match. */
export function startingMapping(entity: ImportEntity, headers: readonly string[], preset: ImportPreset | null): ColumnMapping {
  const automatic = automaticMapping(entity, headers);
  const mapping: ColumnMapping = {};
  for (const field of ENTITY_FIELDS[entity]) {
    const fromPreset = preset?.mapping[field.key];
    const header = fromPreset && headers.includes(fromPreset) ? fromPreset : automatic[field.key];
    if (header) mapping[field.key] = header;
  }
  return mapping;
}

/** First rows of a file, enough to find the header. */
async function firstRows(source: ImportSource, limit = 40): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows(source.path, source.kind)) {
    rows.push(row);
    if (rows.length >= limit) break;
  }
  return rows;
}

/**
 * Finds the header of an uploaded file and the mapping to start from: the
 * preset's where its headers exist in the file, else the automatic match.
 */
export async function inspectUpload(db: Db, input: { uploadId: string; entity: ImportEntity; preset: string | null }) {
  const record = await uploadRecord(db, input.uploadId);
  const source = uploadPath(input.uploadId);
  const preset = input.preset ? await findPreset(db, input.preset) : null;
  if (preset && preset.entity !== input.entity) {
    throw new AppError("BAD_REQUEST", `导入方案 "${preset.name}" 用于导入${ENTITY_LABELS[preset.entity]}，与所选的导入内容“${ENTITY_LABELS[input.entity]}”不符`, "preset");
  }
  const header = findHeaderRow(input.entity, await firstRows(source), Object.values(preset?.mapping ?? {}));
  if (header === null) {
    throw new AppError("BAD_REQUEST", "文件前 20 行中找不到表头行：没有一行包含至少两个可识别的列名（如 客户名称、合同编号、金额）");
  }
  return {
    fileName: record.file_name,
    fileSize: record.file_size,
    headerRow: header.number,
    headers: header.headers,
    mapping: startingMapping(input.entity, header.headers, preset),
    dateOrder: preset?.dateOrder ?? "ymd",
    defaultBusinessType: preset?.defaultBusinessType ?? null,
  };
}

export async function previewImport(db: Db, clock: Clock, uploadId: string, spec: ImportSpec): Promise<ImportOutcome & { fileName: string }> {
  const record = await uploadRecord(db, uploadId);
  const outcome = await runImport(db, clock, uploadPath(uploadId), spec, { write: false });
  return { ...outcome, fileName: record.file_name };
}

export interface ConfirmedImport {
  importId: number;
  rows: number;
  counts: Tally;
}

/**
 * Imports an uploaded file in the caller's transaction (or a new one): all
 * rows or, on any problem, none. Marks the record imported with its counts
 * and deletes the uploaded file.
 */
export async function confirmImport(
  db: Db,
  clock: Clock,
  actor: ImportActor,
  input: { uploadId: string; spec: ImportSpec; preset: string | null } & Pick<RunOptions, "onProgress" | "onWriting">,
): Promise<ConfirmedImport> {
  const record = await uploadRecord(db, input.uploadId);
  const source = uploadPath(input.uploadId);
  const result = await inTransaction(db, async (trx) => {
    const outcome = await runImport(trx, clock, source, input.spec, {
      write: true,
      importId: record.id,
      onProgress: input.onProgress,
      onWriting: input.onWriting,
    });
    await finishRecord(trx, clock, actor, record.id, input.spec.entity, input.preset, outcome);
    return { importId: record.id, rows: outcome.dataRows, counts: outcome.counts };
  });
  deleteUpload(input.uploadId);
  return result;
}

async function finishRecord(db: Db, clock: Clock, actor: ImportActor, importId: number, entity: ImportEntity, preset: string | null, outcome: ImportOutcome) {
  await db
    .updateTable("import_record")
    .set({
      status: "imported",
      entity,
      preset,
      row_count: outcome.dataRows,
      counts: JSON.stringify(outcome.counts),
      imported_by: actor.name,
      imported_at: clock.nowIso(),
    })
    .where("id", "=", importId)
    .execute();
}

/**
 * Imports a file from disk for the command line: the same run as the page,
 * with an import record of its own, in one transaction.
 */
export async function importFromDisk(
  db: Db,
  clock: Clock,
  actor: ImportActor,
  input: { filePath: string; kind: ImportSource["kind"]; spec: ImportSpec; preset: string | null; onProgress?: (rows: number) => void },
): Promise<ConfirmedImport> {
  const hash = await fileHash(input.filePath);
  return db.transaction().execute(async (trx) => {
    const record = await trx
      .insertInto("import_record")
      .values({
        upload_id: `cli-${hash.slice(0, 12)}-${Date.now()}`,
        file_name: path.basename(input.filePath),
        file_hash: hash,
        file_size: fs.statSync(input.filePath).size,
        status: "uploaded",
        uploaded_by: actor.name,
        uploaded_at: clock.nowIso(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const outcome = await runImport(trx, clock, { path: input.filePath, kind: input.kind }, input.spec, {
      write: true,
      importId: record.id,
      onProgress: input.onProgress,
    });
    await finishRecord(trx, clock, actor, record.id, input.spec.entity, input.preset, outcome);
    return { importId: record.id, rows: outcome.dataRows, counts: outcome.counts };
  });
}

function historyQuery(db: Db) {
  return db
    .selectFrom("import_record")
    .select(["id", "file_name", "file_hash", "entity", "preset", "row_count", "counts", "imported_by", "imported_at"])
    .where("status", "=", "imported");
}

type HistoryRow = Awaited<ReturnType<ReturnType<typeof historyQuery>["executeTakeFirstOrThrow"]>>;

function historyEntry(row: HistoryRow) {
  return {
    id: row.id,
    fileName: row.file_name,
    fileHash: row.file_hash,
    entity: row.entity as ImportEntity,
    preset: row.preset,
    rows: row.row_count ?? 0,
    counts: JSON.parse(row.counts ?? "{}") as Tally,
    importedBy: row.imported_by ?? "",
    importedAt: row.imported_at ?? "",
  };
}

/** Lists the latest confirmed imports, newest first. */
export async function importHistory(db: Db, limit = 20) {
  const rows = await historyQuery(db).orderBy("id", "desc").limit(limit).execute();
  return rows.map(historyEntry);
}

/** Loads one confirmed import, or throws a NOT_FOUND error. */
export async function getImport(db: Db, importId: number) {
  const row = await historyQuery(db).where("id", "=", importId).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", `导入记录不存在（编号 ${importId}）`);
  return historyEntry(row);
}
