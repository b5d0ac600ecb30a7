import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { AppError } from "../errors";
import { logger } from "../logger";
import { fileKindOf, type FileKind } from "./readers";

/**
 * Temporary storage of uploaded spreadsheets: data/imports/<random id>.<ext>
 * until the import is confirmed, or at most UPLOAD_TTL_MS. The id is 24
 * random hex characters, so it cannot be guessed or used to reach other paths.
 */

/** Largest upload through the page, in bytes. The CLI reads files of any size from disk. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Uploads older than this are deleted when the next upload arrives. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

const UPLOAD_ID = /^[0-9a-f]{24}$/;

export function uploadDirectory(): string {
  return process.env.HUIKUAN_IMPORT_DIR || path.join(process.cwd(), "data", "imports");
}

export function isUploadId(value: string): boolean {
  return UPLOAD_ID.test(value);
}

export interface StoredUpload {
  uploadId: string;
  path: string;
  kind: FileKind;
  hash: string;
  size: number;
}

/** Writes an uploaded file under a new random id and returns where it went and its SHA-256. */
export function storeUpload(fileName: string, content: Buffer): StoredUpload {
  const kind = fileKindOf(fileName);
  if (kind === null) throw new AppError("BAD_REQUEST", `文件 "${fileName}" 不是 .xlsx 或 .csv 文件；.xls 请先在 Excel 或 WPS 中另存为 .xlsx`, "fileName");
  if (content.length === 0) throw new AppError("BAD_REQUEST", `文件 "${fileName}" 是空的`, "content");
  if (content.length > MAX_UPLOAD_BYTES) {
    throw new AppError("BAD_REQUEST", `文件 "${fileName}" 超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请用命令行导入（npm run import）`, "content");
  }
  removeExpiredUploads();
  const directory = uploadDirectory();
  fs.mkdirSync(directory, { recursive: true });
  const uploadId = randomBytes(12).toString("hex");
  const filePath = path.join(directory, `${uploadId}.${kind}`);
  fs.writeFileSync(filePath, content);
  return { uploadId, path: filePath, kind, hash: createHash("sha256").update(content).digest("hex"), size: content.length };
}

/** Returns the stored file of an upload id, or throws NOT_FOUND when it was imported or has expired. */
export function uploadPath(uploadId: string): { path: string; kind: FileKind } {
  for (const kind of ["csv", "xlsx"] as const) {
    const filePath = path.join(uploadDirectory(), `${uploadId}.${kind}`);
    if (isUploadId(uploadId) && fs.existsSync(filePath)) return { path: filePath, kind };
  }
  throw new AppError("NOT_FOUND", "上传的文件已不存在（已导入或超过一天被清理），请重新上传");
}

export function deleteUpload(uploadId: string): void {
  for (const kind of ["csv", "xlsx"]) {
    fs.rmSync(path.join(uploadDirectory(), `${uploadId}.${kind}`), { force: true });
  }
}

/** SHA-256 of a file, read as a stream. */
export async function fileHash(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Deletes uploads older than UPLOAD_TTL_MS; a file that cannot be removed is logged and left. */
export function removeExpiredUploads(now = Date.now()): void {
  const directory = uploadDirectory();
  if (!fs.existsSync(directory)) return;
  for (const name of fs.readdirSync(directory)) {
    const filePath = path.join(directory, name);
    try {
      if (now - fs.statSync(filePath).mtimeMs > UPLOAD_TTL_MS) fs.rmSync(filePath, { force: true });
    } catch (error) {
      logger.warn({ err: error, filePath }, "expired upload not removed");
    }
  }
}
