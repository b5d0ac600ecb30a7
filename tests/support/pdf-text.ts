import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A rendered PDF written to a temporary file, read back with poppler's pdftotext and pdfinfo. */
export interface PdfText {
  file: string;
  pages: number;
  /** Text of every page, first page first. */
  pageTexts: string[];
  /** Text of the whole document. */
  text: string;
}

/** Writes `pdf` under `name` in a temporary directory and extracts its text page by page. */
export function readPdf(pdf: Buffer, name: string): PdfText {
  const directory = mkdtempSync(path.join(tmpdir(), "huikuan-pdf-"));
  const file = path.join(directory, name);
  writeFileSync(file, pdf);

  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const pageTexts = Array.from({ length: pages }, (_, index) =>
    execFileSync("pdftotext", ["-f", String(index + 1), "-l", String(index + 1), "-layout", file, "-"], {
      encoding: "utf8",
    }),
  );
  return { file, pages, pageTexts, text: pageTexts.join("\n") };
}

/** Removes the spaces pdftotext puts between characters and columns, so text can be searched whole. */
export function squeezed(text: string): string {
  return text.replace(/\s+/g, "");
}
