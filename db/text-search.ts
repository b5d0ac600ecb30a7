import { type Expression, type SqlBool, sql } from "kysely";

/**
 * `column` contains `search` as plain text: % and _ typed by a user match
 * themselves. SQLite's LIKE ignores ASCII case; PostgreSQL will need ILIKE
 * here, which is why this sits in one place.
 */
export function containsText(column: string, search: string): Expression<SqlBool> {
  const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
