import { renderCollectionLetter } from "./render";
import { renderSituationStatement, renderStatementOfAccount } from "./render-statements";
import type { SealImage } from "./sections/seal";
import type { SituationStatementPayload, StatementOfAccountPayload } from "./statement-types";
import type { CollectionLetterFacts } from "./types";

/**
 * Renderers of issued documents, by kind. Each takes the frozen payload
 * stored in the register (issued_document.payload) and the images it
 * refers to, so downloading an issued document again prints the same text
 * whatever has changed since. Kinds not listed here cannot be downloaded yet.
 */

/** Images a payload refers to by SHA-256, e.g. the seal it was issued with. */
export type DocumentImages = Record<string, SealImage>;

export type DocumentRenderer = (payload: unknown, images: DocumentImages) => Promise<Buffer>;

/** Payload of an issued collection letter of any level. */
export interface LetterPayload {
  number: string;
  /** Facts, level and wording as printed; facts.number is the number too. */
  facts: CollectionLetterFacts;
  /** SHA-256 of the seal printed, or null when the company had none. */
  sealSha256: string | null;
}

/** The seal a payload refers to, or null when it printed none or the image is missing. */
export function sealOf(sealSha256: string | null, images: DocumentImages): SealImage | null {
  if (sealSha256 === null) return null;
  return images[sealSha256] ?? null;
}

const renderLetter: DocumentRenderer = (payload, images) => {
  const letter = payload as LetterPayload;
  return renderCollectionLetter({ ...letter.facts, number: letter.number }, sealOf(letter.sealSha256, images));
};

const renderSituation: DocumentRenderer = (payload, images) => {
  const situation = payload as SituationStatementPayload;
  return renderSituationStatement(situation, sealOf(situation.sealSha256, images));
};

export const DOCUMENT_RENDERERS: Partial<Record<string, DocumentRenderer>> = {
  payment_reminder: renderLetter,
  collection_demand: renderLetter,
  final_notice: renderLetter,
  // Statements of account and situation statements, rendered from their payloads.
  statement: (payload, images) => {
    const statement = payload as StatementOfAccountPayload;
    return renderStatementOfAccount(statement, sealOf(statement.sealSha256, images));
  },
  situation_client: renderSituation,
  situation_summary: renderSituation,
};

/** Renders an issued document from its frozen payload; throws for a kind with no renderer. */
export function renderIssuedDocument(kind: string, payload: unknown, images: DocumentImages): Promise<Buffer> {
  const render = DOCUMENT_RENDERERS[kind];
  if (!render) throw new Error(`No renderer registered for document kind ${kind}`);
  return render(payload, images);
}
