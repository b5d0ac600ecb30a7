import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";

import { CollectionLetter } from "./collection-letter";
import { registerDocumentFonts } from "./fonts";
import type { CollectionLetterFacts } from "./types";

/** Renders the collection letter (催款函) to PDF bytes. */
export async function renderCollectionLetter(
  facts: CollectionLetterFacts,
): Promise<Buffer> {
  registerDocumentFonts();
  return renderToBuffer(asDocumentElement(createElement(CollectionLetter, { facts })));
}

/**
 * Types a component element as the <Document> element it renders at its root.
 * `renderToBuffer` is typed (react-pdf 4.9) to take a <Document> element
 * only, although any element whose root is a <Document> renders.
 */
function asDocumentElement(element: ReactElement): ReactElement<DocumentProps> {
  return element as ReactElement<DocumentProps>;
}
