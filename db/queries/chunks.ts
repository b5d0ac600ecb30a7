/**
 * Keys per query when a list of ids is sent as `IN (…)` parameters. SQLite
 * accepts at most 32,766 parameters in a statement and PostgreSQL 65,535,
 * and a large group has more clients than that.
 */
export const IN_LIST_CHUNK = 1000;

/**
 * Runs `select` on the distinct `ids` at most IN_LIST_CHUNK at a time and
 * joins the rows in chunk order.
 */
export async function selectInChunks<Id, Row>(
  ids: Iterable<Id>,
  select: (chunk: Id[]) => Promise<Row[]>,
): Promise<Row[]> {
  const distinct = [...new Set(ids)];
  const rows: Row[] = [];
  for (let start = 0; start < distinct.length; start += IN_LIST_CHUNK) {
    rows.push(...(await select(distinct.slice(start, start + IN_LIST_CHUNK))));
  }
  return rows;
}
