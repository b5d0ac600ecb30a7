import { formNumber, formText } from "../pdf-response";

/**
 * Reads the edited parts of a situation statement from the posted form, as
 * the procedures take them. Missing fields become empty text, which the
 * procedures reject with a message naming the field.
 */
export function situationFormInput(form: FormData) {
  return {
    kind: (formText(form, "kind") ?? "") as "situation_client" | "situation_summary",
    clientId: formNumber(form, "clientId") ?? null,
    addressee: formText(form, "addressee") ?? "",
    facts: formText(form, "facts") ?? "",
    summary: formText(form, "summary") ?? "",
    signatory: formText(form, "signatory") ?? "",
    date: formText(form, "date") ?? "",
  };
}
