import type { Db } from "../../db";
import { documentFileName } from "../../documents/file-name";
import type { SealImage } from "../../documents/sections/seal";
import type { SituationStatementPayload, StatementOfAccountPayload } from "../../documents/statement-types";
import type { AuditActor } from "../audit";
import { KIND_LABELS } from "../domain/document-number";
import { AppError } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { issueDocument } from "./document-register";
import { loadSealImages } from "./document-settings";
import { type SituationInput, situationPayload } from "./situations";
import { accountStatementFacts, type StatementParams } from "./statements";

/** Bracketed prompt a draft leaves for staff to replace before issuing. */
const UNFILLED_PROMPT = /【请[^】]*】/;

/** A payload ready to render, with the seal image it refers to. */
export interface RenderablePayload<P> {
  payload: P;
  seal: SealImage | null;
  fileName: string;
}

/** Computes the statement of account for a preview: no number, the current seal. */
export async function previewAccountStatement(
  db: Db,
  params: StatementParams,
  context: { today: string; timeZone: string },
  scope: ClientScope = ALL_CLIENTS,
): Promise<RenderablePayload<StatementOfAccountPayload>> {
  const payload = await accountStatementFacts(db, params, context, scope);
  return {
    payload,
    seal: await sealOf(db, payload.sealSha256),
    fileName: documentFileName("对账单", payload.client.name, payload.statementDate),
  };
}

/**
 * Issues the statement of account: freezes its facts and seal, records it
 * in the register with the next 账字 number and returns it ready to render.
 */
export async function issueAccountStatement(
  db: Db,
  params: StatementParams,
  actor: AuditActor,
  context: { today: string; timeZone: string; nowIso: string },
  scope: ClientScope = ALL_CLIENTS,
) {
  const preview = await previewAccountStatement(db, params, context, scope);
  const issued = await issueDocument(
    db,
    {
      kind: "statement",
      clientId: params.clientId,
      asOf: params.statementDate,
      payload: preview.payload,
      fileName: preview.fileName,
    },
    actor,
    context.nowIso,
    context.today,
  );
  return { ...preview, documentId: issued.documentId, number: issued.number, payload: issued.payload };
}

/** Builds the situation statement for a preview from the edited parts: no number, the current seal. */
export async function previewSituation(
  db: Db,
  input: SituationInput,
  scope: ClientScope = ALL_CLIENTS,
): Promise<RenderablePayload<SituationStatementPayload>> {
  const { payload, clientName } = await situationPayload(db, input, scope);
  return {
    payload,
    seal: await sealOf(db, payload.sealSha256),
    fileName: documentFileName("情况说明", clientName ?? "", payload.date),
  };
}

/**
 * Issues a situation statement from the edited parts and records it in the
 * register with the next 说字 number. A part that still contains a bracketed
 * prompt of the draft, such as 【请补充……】, is rejected.
 */
export async function issueSituation(
  db: Db,
  input: SituationInput,
  actor: AuditActor,
  now: { today: string; nowIso: string },
  scope: ClientScope = ALL_CLIENTS,
) {
  for (const field of ["addressee", "facts", "summary", "signatory"] as const) {
    const prompt = UNFILLED_PROMPT.exec(input[field]);
    if (prompt) {
      throw new AppError("BAD_REQUEST", `${FIELD_LABELS[field]}中仍有待补充的内容"${prompt[0]}"，请修改后再出具`, field);
    }
  }

  const preview = await previewSituation(db, input, scope);
  const issued = await issueDocument(
    db,
    {
      kind: input.kind,
      clientId: input.kind === "situation_client" ? input.clientId : null,
      asOf: input.date,
      payload: preview.payload,
      fileName: preview.fileName,
    },
    actor,
    now.nowIso,
    now.today,
  );
  return { ...preview, documentId: issued.documentId, number: issued.number, payload: issued.payload };
}

/** Chinese names of the edited parts, as the form labels them. */
export const FIELD_LABELS = {
  addressee: "称谓",
  facts: "事实",
  summary: "总结",
  signatory: "落款",
  date: "落款日期",
} as const;

/** Kind label for pages, e.g. 情况说明（客户）. */
export function situationKindLabel(kind: SituationInput["kind"]): string {
  return KIND_LABELS[kind];
}

async function sealOf(db: Db, sha256: string | null): Promise<SealImage | null> {
  if (sha256 === null) return null;
  const images = await loadSealImages(db, [sha256]);
  return images[sha256] ?? null;
}
