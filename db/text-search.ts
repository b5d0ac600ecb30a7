import { type Expression, type SqlBool, sql } from "kysely";

/**
 * `column` contains `search` as plain text, ignoring case: % and _ typed by
 * a user match themselves. Both sides go through lower(), because SQLite's
 * LIKE ignores ASCII case and PostgreSQL's does not; lower() folds ASCII on
 * SQLite (as its LIKE does) and every cased letter on PostgreSQL.
 */
export function containsText(column: string, search: string): Expression<SqlBool> {
  const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(cast(${pattern} as text)) escape '\\'`;
}
