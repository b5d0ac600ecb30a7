import { TRPCError } from "@trpc/server";

import { contentDisposition, documentFileName } from "../../../../documents/file-name";
import { renderCollectionLetter } from "../../../../documents/render";
import { serverCaller } from "../../../../server/context";
import { toUserError } from "../../../lib/errors";
import { routeId } from "../../../lib/params";
import { documentErrorPage } from "../../error-page";

export const dynamic = "force-dynamic";

/**
 * The collection letter (催款函) for one client as a PDF download.
 * Query: asOf (letter date, default today), payBy (default asOf + 10 days).
 */
export async function GET(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const url = new URL(request.url);
  const caller = await serverCaller();

  try {
    const facts = await caller.reports.collectionLetter({
      clientId: routeId(clientId),
      asOf: url.searchParams.get("asOf") || undefined,
      payBy: url.searchParams.get("payBy") || undefined,
    });
    const pdf = await renderCollectionLetter(facts);
    const fileName = documentFileName("催款函", facts.client.name, facts.letterDate);

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
