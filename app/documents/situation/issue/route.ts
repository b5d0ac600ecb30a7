import { renderSituationStatement } from "../../../../documents/render-statements";
import { serverCaller } from "../../../../server/context";
import { documentFailure, pdfResponse } from "../../pdf-response";
import { situationFormInput } from "../situation-form-input";

export const dynamic = "force-dynamic";

/**
 * Issues a situation statement (情况说明) from the posted edit form: records
 * it in the register with its number and returns the PDF as a download.
 */
export async function POST(request: Request) {
  const caller = await serverCaller();

  try {
    const issued = await caller.statements.issueSituation(situationFormInput(await request.formData()));
    const pdf = await renderSituationStatement(issued.payload, issued.seal);
    return pdfResponse(pdf, issued.fileName, `situation-${issued.documentId}.pdf`, "attachment");
  } catch (error) {
    return documentFailure(error);
  }
}
