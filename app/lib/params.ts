/** Search parameters as Next.js passes them to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search parameter, trimmed, or undefined when empty. */
export function param(params: SearchParams, key: string): string | undefined {
  const raw = params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/**
 * A search parameter as a number for a procedure to validate; text that is
 * not a number passes through as NaN so the procedure rejects it by name.
 */
export function numberParam(params: SearchParams, key: string): number | undefined {
  const value = param(params, key);
  return value === undefined ? undefined : Number(value);
}

/** A route segment id such as the 12 in /clients/12. */
export function routeId(value: string): number {
  return /^\d{1,15}$/.test(value) ? Number(value) : NaN;
}

/**
 * The entry of `table` named by a search parameter, or undefined. Only the
 * table's own keys match, so ?notice=constructor cannot reach Object's.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
