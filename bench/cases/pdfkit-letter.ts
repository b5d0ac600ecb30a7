import path from "node:path";

import PDFDocument from "pdfkit";

import { buildCollectionLetterContent } from "../../documents/collection-letter-content";
import type { CollectionLetterFacts } from "../../documents/types";

const FONT_DIRECTORY = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-serif-sc");
const REGULAR = path.join(FONT_DIRECTORY, "400Regular", "NotoSerifSC_400Regular.ttf");
const BOLD = path.join(FONT_DIRECTORY, "700Bold", "NotoSerifSC_700Bold.ttf");

const MM = 72 / 25.4;
const COLUMN_WIDTHS = [66, 46, 0, 60, 60, 60, 46, 44];

/**
 * Writes the collection letter's text with bare pdfkit: the same words and
 * font files as the react-pdf template, on A4 with 25 mm margins, the
 * contract table drawn as plain rows. The lower bound of what drawing this
 * letter can cost; no layout rules (keep-together, line-breaking callback)
 * beyond pdfkit's own wrapping.
 */
export function renderLetterWithPdfkit(facts: CollectionLetterFacts): Promise<Buffer> {
  const content = buildCollectionLetterContent(facts);
  const document = new PDFDocument({ size: "A4", margin: 25 * MM, info: { Title: content.title } });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => document.on("end", () => resolve(Buffer.concat(chunks))));

  document.registerFont("serif", REGULAR);
  document.registerFont("serif-bold", BOLD);
  const width = document.page.width - 50 * MM;

  document.font("serif-bold").fontSize(16).text(content.companyName, { align: "center" });
  document.font("serif").fontSize(9).text(content.companyDetails, { align: "center" }).moveDown();
  document.font("serif-bold").fontSize(18).text(content.title, { align: "center" }).moveDown();
  document.font("serif").fontSize(11).text(content.salutation).text(content.opening, { indent: 22 }).moveDown(0.5);

  drawTable(document, content.contractRows, width);
  for (const sentence of content.summary) document.fontSize(11).text(sentence, { indent: 22 });
  if (content.request) document.text(content.request, { indent: 22 });
  for (const field of content.paymentFields) document.text(`${field.label}${field.value}`, { indent: 44 });
  document.text(content.disregard, { indent: 22 }).moveDown();
  document.text(content.closingPhrase, { indent: 22 }).moveDown();
  for (const line of content.signatureLines) document.text(line, { align: "right" });
  document.text(content.sealLabel, { align: "right" }).text(content.date, { align: "right" });

  document.end();
  return done;
}

function drawTable(document: PDFKit.PDFDocument, rows: readonly string[][], width: number): void {
  const fixed = COLUMN_WIDTHS.reduce((sum, column) => sum + column, 0);
  const widths = COLUMN_WIDTHS.map((column) => (column === 0 ? width - fixed : column));
  const left = document.page.margins.left;
  document.fontSize(9);
  for (const row of rows) {
    const top = document.y;
    let x = left;
    let height = 0;
    row.forEach((cell, index) => {
      const cellWidth = widths[index]!;
      document.text(cell, x + 2, top + 2, { width: cellWidth - 4 });
      height = Math.max(height, document.y - top + 2);
      x += cellWidth;
    });
    document.rect(left, top, width, height).stroke();
    document.x = left;
    document.y = top + height;
  }
  document.moveDown();
}
