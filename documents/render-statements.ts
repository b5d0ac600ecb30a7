import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";

import { registerDocumentFonts } from "./fonts";
import type { SealImage } from "./sections/seal";
import { SituationStatement } from "./situation-statement";
import { StatementOfAccount } from "./statement-of-account";
import type { SituationStatementPayload, StatementOfAccountPayload } from "./statement-types";

/** Renders the statement of account (对账单) with its slip to PDF bytes. */
export async function renderStatementOfAccount(
  payload: StatementOfAccountPayload,
  seal: SealImage | null,
): Promise<Buffer> {
  registerDocumentFonts();
  return renderToBuffer(asDocumentElement(createElement(StatementOfAccount, { payload, seal })));
}

/** Renders a situation statement (情况说明) to PDF bytes. */
export async function renderSituationStatement(
  payload: SituationStatementPayload,
  seal: SealImage | null,
): Promise<Buffer> {
  registerDocumentFonts();
  return renderToBuffer(asDocumentElement(createElement(SituationStatement, { payload, seal })));
}

/**
 * Types a component element as the <Document> element it renders at its
 * root, because `renderToBuffer` is typed (react-pdf 4.9) to take a
 * <Document> element only.
 */
function asDocumentElement(element: ReactElement): ReactElement<DocumentProps> {
  return element as ReactElement<DocumentProps>;
}
