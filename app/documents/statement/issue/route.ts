import { renderStatementOfAccount } from "../../../../documents/render-statements";
import { serverCaller } from "../../../../server/context";
import { documentFailure, formNumber, formText, pdfResponse } from "../../pdf-response";

export const dynamic = "force-dynamic";

/**
 * Issues a statement of account (对账单) from the posted form (clientId,
 * from, to, asOf): records it in the register with its number and returns
 * the PDF as a download.
 */
export async function POST(request: Request) {
  const caller = await serverCaller();

  try {
    const form = await request.formData();
    const issued = await caller.statements.issueStatement({
      clientId: formNumber(form, "clientId") ?? Number.NaN,
      from: formText(form, "from") ?? "",
      to: formText(form, "to") ?? "",
      asOf: formText(form, "asOf"),
    });
    const pdf = await renderStatementOfAccount(issued.payload, issued.seal);
    return pdfResponse(pdf, issued.fileName, `statement-${issued.documentId}.pdf`, "attachment");
  } catch (error) {
    return documentFailure(error);
  }
}
