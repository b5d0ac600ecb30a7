import { createHash } from "node:crypto";

import type { Db } from "../../db";
import { DEFAULT_LETTER_WORDING } from "../../documents/letter-wording";
import type { SealImage } from "../../documents/sections/seal";
import type { LetterWording } from "../../documents/types";
import type { Clock } from "../clock";
import { LETTER_LEVELS, type LetterLevel } from "../domain/document-number";
import { badInput } from "../errors";

/** Setting key of the letter wording, JSON of { level: LetterWording }. */
export const LETTER_WORDING_KEY = "letter_wording";
/** Setting key of the current seal, JSON of { sha256 } or null. */
export const COMPANY_SEAL_KEY = "company_seal";

export type LetterWordingSet = Record<LetterLevel, LetterWording>;

/** The wording of every level: saved text over the shipped defaults. */
export async function getLetterWording(db: Db): Promise<LetterWordingSet> {
  const saved = await readSetting<Partial<LetterWordingSet>>(db, LETTER_WORDING_KEY);
  const wording = {} as LetterWordingSet;
  for (const level of LETTER_LEVELS) {
    wording[level] = { ...DEFAULT_LETTER_WORDING[level], ...(saved?.[level] ?? {}) };
  }
  return wording;
}

/** Saves the wording of one level; the request must name the date and the amount. */
export async function saveLetterWording(db: Db, clock: Clock, level: LetterLevel, wording: LetterWording) {
  for (const placeholder of ["{付款期限}", "{金额}"]) {
    if (!wording.request.includes(placeholder)) {
      throw badInput("request", `付款要求必须包含占位符 ${placeholder}，函件会在此处填入实际内容`);
    }
  }
  if (level === "final_notice" && wording.clauseReference === "") {
    throw badInput("clauseReference", "最后催告函必须填写所依据的合同条款");
  }
  const current = await getLetterWording(db);
  await writeSetting(db, clock, LETTER_WORDING_KEY, { ...current, [level]: wording });
  return { level, wording };
}

/** Largest seal file accepted, in bytes. */
export const MAX_SEAL_BYTES = 1024 * 1024;
/** Accepted seal width and height in pixels: sharp enough at 40 mm, small enough to embed. */
const MIN_SEAL_PIXELS = 100;
const MAX_SEAL_PIXELS = 2000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height and transparency of a PNG, read from its header chunks. */
export interface PngInfo {
  width: number;
  height: number;
  hasAlpha: boolean;
  interlaced: boolean;
}

/**
 * Reads a PNG's IHDR chunk and looks for a tRNS chunk. Returns null unless
 * the bytes start with the PNG signature and a well-formed IHDR.
 */
export function readPngInfo(bytes: Buffer): PngInfo | null {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString("latin1", 12, 16) !== "IHDR") return null;

  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const colorType = bytes[25]!;
  const interlaced = bytes[28] === 1;
  // Colour types 4 (grey + alpha) and 6 (RGBA) carry alpha; others may add a tRNS chunk.
  const hasAlpha = colorType === 4 || colorType === 6 || hasChunk(bytes, "tRNS");
  return { width, height, hasAlpha, interlaced };
}

function hasChunk(bytes: Buffer, type: string): boolean {
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const chunkType = bytes.toString("latin1", offset + 4, offset + 8);
    if (chunkType === type) return true;
    if (chunkType === "IDAT" || chunkType === "IEND") return false;
    offset += 12 + length;
  }
  return false;
}

/**
 * Checks an uploaded seal and stores it by content hash as the company's
 * current seal. `pngBase64` is the file's bytes in base64.
 */
export async function saveCompanySeal(db: Db, clock: Clock, pngBase64: string) {
  const bytes = Buffer.from(pngBase64, "base64");
  if (bytes.length === 0) throw badInput("pngBase64", "请选择印章图片文件");
  if (bytes.length > MAX_SEAL_BYTES) {
    throw badInput("pngBase64", `印章图片 ${(bytes.length / 1024).toFixed(0)} KB，超过 1 MB 上限，请压缩后重新上传`);
  }
  const info = readPngInfo(bytes);
  if (!info) throw badInput("pngBase64", "印章图片不是 PNG 文件，请上传带透明背景的 PNG 图片");
  if (!info.hasAlpha) throw badInput("pngBase64", "印章图片没有透明背景（PNG 透明通道），盖在文字上会遮住文字，请上传透明背景的 PNG");
  if (info.interlaced) throw badInput("pngBase64", "不支持隔行扫描（interlaced）的 PNG，请另存为普通 PNG 后上传");
  for (const [label, pixels] of [["宽度", info.width], ["高度", info.height]] as const) {
    if (pixels < MIN_SEAL_PIXELS || pixels > MAX_SEAL_PIXELS) {
      throw badInput("pngBase64", `印章图片${label} ${pixels} 像素，应在 ${MIN_SEAL_PIXELS}–${MAX_SEAL_PIXELS} 像素之间`);
    }
  }
  const ratio = info.width / info.height;
  if (ratio < 0.5 || ratio > 2) {
    throw badInput("pngBase64", `印章图片宽高比 ${info.width}×${info.height} 不合理，请裁剪到印章本身`);
  }

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db
    .insertInto("document_asset")
    .values({
      sha256,
      media_type: "image/png",
      data_base64: bytes.toString("base64"),
      width: info.width,
      height: info.height,
      created_at: clock.nowIso(),
    })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  await writeSetting(db, clock, COMPANY_SEAL_KEY, { sha256 });
  return { sha256, width: info.width, height: info.height, bytes: bytes.length };
}

/** Removes the current seal; documents issued with it keep it. */
export async function clearCompanySeal(db: Db, clock: Clock) {
  await writeSetting(db, clock, COMPANY_SEAL_KEY, null);
  return { cleared: true };
}

/** SHA-256 of the current seal, or null when none is set. */
export async function currentSealSha256(db: Db): Promise<string | null> {
  const value = await readSetting<{ sha256: string } | null>(db, COMPANY_SEAL_KEY);
  return value?.sha256 ?? null;
}

/** The stored images among `hashes`, as data URIs for the renderers. */
export async function loadSealImages(db: Db, hashes: readonly (string | null)[]): Promise<Record<string, SealImage>> {
  const wanted = [...new Set(hashes.filter((hash): hash is string => hash !== null))];
  if (wanted.length === 0) return {};
  const rows = await db
    .selectFrom("document_asset")
    .select(["sha256", "media_type", "data_base64", "width", "height"])
    .where("sha256", "in", wanted)
    .execute();
  return Object.fromEntries(
    rows.map((row) => [
      row.sha256,
      { dataUri: `data:${row.media_type};base64,${row.data_base64}`, width: row.width, height: row.height },
    ]),
  );
}

/** The current seal as the settings page shows it, or null. */
export async function currentSeal(db: Db): Promise<(SealImage & { sha256: string }) | null> {
  const sha256 = await currentSealSha256(db);
  if (sha256 === null) return null;
  const images = await loadSealImages(db, [sha256]);
  return images[sha256] ? { ...images[sha256], sha256 } : null;
}

async function readSetting<T>(db: Db, key: string): Promise<T | null> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

async function writeSetting(db: Db, clock: Clock, key: string, value: unknown) {
  const text = JSON.stringify(value);
  const updatedAt = clock.nowIso();
  await db
    .insertInto("setting")
    .values({ key, value: text, updated_at: updatedAt })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: text, updated_at: updatedAt }))
    .execute();
}
