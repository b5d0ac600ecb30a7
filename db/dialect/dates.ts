import { type Expression, sql } from "kysely";

import { type AnyKysely, isPostgres } from "./kind";

/**
 * Days from `from` to `to`, two `YYYY-MM-DD` text expressions, as an
 * integer expression (negative when `to` is earlier). Business dates are
 * text on both databases, so the conversion happens here only.
 */
export function daysBetweenSql(
  db: AnyKysely,
  from: Expression<string>,
  to: Expression<string>,
): Expression<number> {
  if (isPostgres(db)) {
    return sql<number>`(cast(${to} as date) - cast(${from} as date))`;
  }
  // NOTE: SQLite-specific: julianday returns fractional days; both are dates, so the difference is whole.
  return sql<number>`cast(julianday(${to}) - julianday(${from}) as integer)`;
}
