import { createElement, type ReactElement } from "react";
import { Document, renderToBuffer, renderToFile, type DocumentProps } from "@react-pdf/renderer";

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

/**
 * Renders many letters into one PDF file at `filePath`, each starting on a
 * new page and numbered 第 1 页 共 N 页 within itself.
 *
 * NOTE: react-pdf lays out the whole document in memory before writing, so
 * peak memory grows with the number of letters; the batch job measures it
 * and offers a zip of separate PDFs for large batches.
 */
export async function renderCollectionLettersToFile(
  letters: Array<{ facts: CollectionLetterFacts; seal: SealImage | null }>,
  filePath: string,
  title: string,
): Promise<void> {
  registerDocumentFonts();
  const pages = letters.map((letter, index) =>
    createElement(CollectionLetterPage, { key: index, ...letter, numbering: "page" }),
  );
  const document = createElement(Document, { title, language: "zh-CN" }, pages);
  await renderToFile(asDocumentElement(document), filePath);
}

/**
 * Types a component element as the <Document> element it renders at its root.
 * `renderToBuffer` is typed (react-pdf 4.9) to take a <Document> element
 * only, although any element whose root is a <Document> renders.
 */
function asDocumentElement(element: ReactElement): ReactElement<DocumentProps> {
  return element as ReactElement<DocumentProps>;
}
