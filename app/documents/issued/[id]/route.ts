import { TRPCError } from "@trpc/server";

import { contentDisposition } from "../../../../documents/file-name";
import { renderIssuedDocument } from "../../../../documents/registry";
import { serverCaller } from "../../../../server/context";
import { toUserError } from "../../../lib/errors";
import { routeId } from "../../../lib/params";
import { documentErrorPage } from "../../error-page";

export const dynamic = "force-dynamic";

/**
 * Downloads an issued document as a PDF, rendered from the payload frozen
 * when it was issued, so it reads the same however balances changed since.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();

  try {
    const document = await caller.documents.download({ documentId: routeId(id) });
    const pdf = await renderIssuedDocument(document.kind, document.payload, document.images);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition(document.fileName, `document-${id}.pdf`),
        "Content-Length": String(pdf.length),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const { message } = toUserError(error);
    return documentErrorPage(message, errorStatus(error));
  }
}

/** Returns the HTTP status of a download that failed: 404, 403 or 400 for what users can fix, else 500. */
function errorStatus(error: unknown): number {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") return 500;
  if (error.code === "NOT_FOUND") return 404;
  if (error.code === "FORBIDDEN") return 403;
  return 400;
}
