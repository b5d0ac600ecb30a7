import { renderSituationStatement } from "../../../../documents/render-statements";
import { serverCaller } from "../../../../server/context";
import { documentFailure, pdfResponse } from "../../pdf-response";
import { situationFormInput } from "../situation-form-input";

export const dynamic = "force-dynamic";

/**
 * Preview of a situation statement (情况说明) from the posted edit form,
 * validated by the procedure and shown inline; nothing is issued.
 */
export async function POST(request: Request) {
  const caller = await serverCaller();

  try {
    const preview = await caller.statements.previewSituation(situationFormInput(await request.formData()));
    const pdf = await renderSituationStatement(preview.payload, preview.seal);
    return pdfResponse(pdf, preview.fileName, "situation-preview.pdf", "inline");
  } catch (error) {
    return documentFailure(error);
  }
}
