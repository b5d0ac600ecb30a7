/**
 * Form state shared by server actions and the client components that
 * render their forms. This module must stay free of server-only imports,
 * because client components import it into the browser bundle.
 */

/** What a form action returns: the typed values back and what was wrong. */
export interface FormState {
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  message: string | null;
}

export const EMPTY_FORM: FormState = { values: {}, fieldErrors: {}, message: null };
