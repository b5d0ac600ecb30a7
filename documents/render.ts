import { createElement, type ReactElement } from "react";
import { writeFile } from "node:fs/promises";

import { Document, renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";

import { CollectionLetter, CollectionLetterPage } from "./collection-letter";
import { registerDocumentFonts } from "./fonts";
import type { SealImage } from "./sections/seal";
import type { CollectionLetterFacts } from "./types";

/** Renders a collection letter (付款提醒函, 催款函 or 最后催告函) to PDF bytes. */
export async function renderCollectionLetter(
  facts: CollectionLetterFacts,
  seal: SealImage | null = null,
): Promise<Buffer> {
  registerDocumentFonts();
  return renderToBuffer(asDocumentElement(createElement(CollectionLetter, { facts, seal })));
}

/** Letters laid out together before their pages are copied into the batch file. */
const LETTERS_PER_CHUNK = 25;

/**
 * Renders many letters into one PDF file at `filePath`, each starting on a
 * new page and numbered 第 1 页 共 N 页 within itself. `onProgress` receives
 * the number of letters done after each chunk.
 *
 * react-pdf lays out a whole document in memory before writing it, and one
 * document of 500 letters peaked at 2.2 GB of RSS. So the letters are
 * rendered LETTERS_PER_CHUNK at a time and the chunks' pages copied into
 * one file with pdf-lib, which bounds memory by one chunk plus the finished
 * file. Each chunk embeds its own subset of the font.
 */
export async function renderCollectionLettersToFile(
  letters: Array<{ facts: CollectionLetterFacts; seal: SealImage | null }>,
  filePath: string,
  title: string,
  onProgress: (done: number) => void = () => undefined,
): Promise<void> {
  registerDocumentFonts();
  const merged = await PDFDocument.create();
  merged.setTitle(title);
  merged.setLanguage("zh-CN");
  merged.setProducer("huikuan");
  for (let start = 0; start < letters.length; start += LETTERS_PER_CHUNK) {
    const chunk = letters.slice(start, start + LETTERS_PER_CHUNK);
    const pages = chunk.map((letter, index) =>
      createElement(CollectionLetterPage, { key: index, ...letter, numbering: "page" }),
    );
    const bytes = await renderToBuffer(asDocumentElement(createElement(Document, { title, language: "zh-CN" }, pages)));
    const part = await PDFDocument.load(bytes);
    for (const page of await merged.copyPages(part, part.getPageIndices())) merged.addPage(page);
    onProgress(start + chunk.length);
  }
  await writeFile(filePath, await merged.save());
}

/**
 * Types a component element as the <Document> element it renders at its root.
 * `renderToBuffer` is typed (react-pdf 4.9) to take a <Document> element
 * only, although any element whose root is a <Document> renders.
 */
function asDocumentElement(element: ReactElement): ReactElement<DocumentProps> {
  return element as ReactElement<DocumentProps>;
}
