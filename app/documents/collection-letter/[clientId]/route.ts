import { TRPCError } from "@trpc/server";

import { contentDisposition, documentFileName } from "../../../../documents/file-name";
import { renderCollectionLetter } from "../../../../documents/render";
import { serverCaller } from "../../../../server/context";
import { KIND_LABELS, type LetterLevel } from "../../../../server/domain/document-number";
import { toUserError } from "../../../lib/errors";
import { routeId } from "../../../lib/params";
import { documentErrorPage } from "../../error-page";

export const dynamic = "force-dynamic";

/**
 * A preview of a collection letter for one client as a PDF download: not
 * issued, so it carries no number and nothing is registered. Query: level
 * (payment_reminder, collection_demand or final_notice; 催款函 by default),
 * asOf (letter date, default today), payBy (default asOf + 10 days).
 */
export async function GET(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const url = new URL(request.url);
  const caller = await serverCaller();

  try {
    const facts = await caller.documents.previewLetter({
      clientId: routeId(clientId),
      level: (url.searchParams.get("level") || undefined) as LetterLevel | undefined,
      asOf: url.searchParams.get("asOf") || undefined,
      payBy: url.searchParams.get("payBy") || undefined,
    });
    const pdf = await renderCollectionLetter(facts);
    const fileName = documentFileName(`${KIND_LABELS[facts.level ?? "collection_demand"]}（样稿）`, facts.client.name, facts.letterDate);

    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition(
          fileName,
          `collection-letter-${clientId}-${facts.letterDate}.pdf`,
        ),
        "Content-Length": String(pdf.length),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const { message } = toUserError(error);
    return documentErrorPage(message, errorStatus(error));
  }
}

/** The HTTP status of a letter that failed: 404, 403 or 400 for what users can fix, else 500. */
function errorStatus(error: unknown): number {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") return 500;
  if (error.code === "NOT_FOUND") return 404;
  if (error.code === "FORBIDDEN") return 403;
  return 400;
}
