import { KIND_LABELS, isDocumentKind } from "../../server/domain/document-number";

/** Chinese name of a document kind, or the kind itself when unknown. */
export function kindLabel(kind: string): string {
  return isDocumentKind(kind) ? KIND_LABELS[kind] : kind;
}

/** Options of the kind filter, in register order. */
export const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
