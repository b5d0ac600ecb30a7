import { renderStatementOfAccount } from "../../../../documents/render-statements";
import { serverCaller } from "../../../../server/context";
import { documentFailure, pdfResponse } from "../../pdf-response";

export const dynamic = "force-dynamic";

/**
 * Preview of a statement of account (对账单), shown inline and not issued.
 * Query: clientId, from, to, asOf (statement date, default today).
 */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const caller = await serverCaller();

  try {
    const statement = await caller.statements.accountStatement({
      clientId: idParam(query.get("clientId")),
      from: query.get("from") ?? "",
      to: query.get("to") ?? "",
      asOf: query.get("asOf") || undefined,
    });
    const pdf = await renderStatementOfAccount(statement.payload, statement.seal);
    return pdfResponse(pdf, statement.fileName, "statement-preview.pdf", "inline");
  } catch (error) {
    return documentFailure(error);
  }
}

/** Reads the client id of the query, NaN for a missing or non-numeric one, which the procedure rejects. */
function idParam(value: string | null): number {
  return value !== null && /^\d+$/.test(value) ? Number(value) : Number.NaN;
}
