import { type Kysely, sql } from "kysely";

import { type Db, migrateToLatest, openDatabase } from ".";
import { isPostgres } from "./dialect/kind";
import { quoteIdentifier } from "./dialect/postgres";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Kysely's own bookkeeping tables, which each database keeps for itself. */
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

/** Integer columns reported as money totals. Every integer column is compared all the same. */
const MONEY_COLUMN = /(^|_)(amount|cost|limit|balance|fen)$/;

/** Bind parameters per INSERT statement, well under PostgreSQL's 65,535. */
const PARAMETERS_PER_INSERT = 30_000;

export interface ColumnTotal {
  column: string;
  source: number;
  target: number;
}

export interface TableCopyReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  /** Sums of the money columns on both sides. */
  money: ColumnTotal[];
}

export interface CopyReport {
  tables: TableCopyReport[];
  durationMs: number;
}

export class CopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyError";
  }
}

interface TargetColumn {
  name: string;
  dataType: string;
}

/**
 * Copies every table of the SQLite database `source` into the PostgreSQL
 * database `target`, which must contain nothing beyond what the migrations
 * insert. Both are migrated to the latest schema first (the source as the
 * app would at start). Runs in one target transaction: tables in foreign-key
 * order, rows in batches, identity sequences moved past the copied ids.
 * Then compares row counts and the sum of every integer column per table,
 * and throws CopyError on any difference (the transaction is rolled back).
 * Last, ANALYZE gives the planner statistics of the copied rows.
 */
export async function copySqliteToPostgres(
  source: Db,
  target: Db,
  onTable: (table: string, rows: number) => void = () => {},
): Promise<CopyReport> {
  const started = performance.now();
  if (isPostgres(source)) throw new CopyError("源数据库必须是 SQLite 文件 (the source must be an SQLite file)");
  if (!isPostgres(target)) throw new CopyError("目标必须是 PostgreSQL 数据库 (the target must be PostgreSQL)");

  await migrateToLatest(source);
  await migrateToLatest(target);
  const tables = await tablesInDependencyOrder(source);
  const migrationRows = await rowsInsertedByMigrations();

  const reports = await target.transaction().execute(async (trx) => {
    const columnsByTable = new Map<string, TargetColumn[]>();
    for (const table of tables) {
      columnsByTable.set(table, await targetColumns(trx, table));
    }
    await emptyTargetOrThrow(trx, tables, migrationRows);

    for (const table of tables) {
      const rows = await copyTable(source, trx, table, columnsByTable.get(table)!);
      await resetIdentity(trx, table, columnsByTable.get(table)!);
      onTable(table, rows);
    }

    const checked: TableCopyReport[] = [];
    for (const table of tables) {
      checked.push(await compareTable(source, trx, table, columnsByTable.get(table)!));
    }
    return checked;
  });
  // A bulk copy leaves the planner without statistics until autovacuum
  // gets to the tables, and in the meantime it picks plans that took the
  // reminder list from 40 ms to 1.1 s on the benchmark's S dataset.
  await sql`analyze`.execute(target);
  return { tables: reports, durationMs: performance.now() - started };
}

/** Application tables of the SQLite source, each after every table it references. */
async function tablesInDependencyOrder(source: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite\\_%' escape '\\'
    order by name`.execute(source);
  const tables = rows.map((row) => row.name).filter((name) => !MIGRATION_TABLES.has(name));

  const references = new Map<string, string[]>();
  for (const table of tables) {
    // NOTE: SQLite-specific: foreign keys are read from the source file's own catalog.
    const keys = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(source);
    references.set(table, [...new Set(keys.rows.map((key) => key.table))].filter((name) => name !== table));
  }

  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table)) throw new CopyError(`外键循环引用，无法确定复制顺序：${table} (foreign key cycle)`);
    visiting.add(table);
    for (const referenced of references.get(table) ?? []) visit(referenced);
    visiting.delete(table);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/** Rows per table that the migrations themselves insert (business types, cost categories). */
async function rowsInsertedByMigrations(): Promise<Map<string, number>> {
  const scratch = openDatabase(":memory:");
  try {
    await migrateToLatest(scratch);
    const tables = await tablesInDependencyOrder(scratch);
    const counts = new Map<string, number>();
    for (const table of tables) counts.set(table, await countRows(scratch, table));
    return counts;
  } finally {
    await scratch.destroy();
  }
}

async function targetColumns(target: Kysely<any>, table: string): Promise<TargetColumn[]> {
  const { rows } = await sql<{ name: string; dataType: string }>`
    select column_name as name, data_type as "dataType" from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(target);
  if (rows.length === 0) {
    throw new CopyError(`目标数据库缺少表 ${table}：源数据库的版本比本程序新 (table missing in the target)`);
  }
  return rows;
}

/**
 * Throws unless every table contains exactly the rows the migrations insert,
 * then deletes those rows, because the source has its own version of them.
 */
async function emptyTargetOrThrow(target: Kysely<any>, tables: string[], migrationRows: Map<string, number>) {
  for (const table of tables) {
    const rows = await countRows(target, table);
    if (rows !== (migrationRows.get(table) ?? 0)) {
      throw new CopyError(
        `目标数据库不是空的：表 ${table} 已有 ${rows} 行。请指定一个新建的空数据库 (the target database is not empty)`,
      );
    }
  }
  for (const table of [...tables].reverse()) {
    await target.deleteFrom(table).execute();
  }
}

/** Copies `table` in rowid order, one INSERT per batch, and returns how many rows it copied. */
async function copyTable(source: Db, target: Kysely<any>, table: string, columns: TargetColumn[]): Promise<number> {
  const sourceColumns = new Set(await sourceColumnNames(source, table));
  const missing = columns.filter((column) => !sourceColumns.has(column.name));
  if (missing.length > 0) {
    throw new CopyError(`源表 ${table} 缺少列 ${missing.map((column) => column.name).join("、")} (columns missing)`);
  }

  const batchSize = Math.max(1, Math.min(1000, Math.floor(PARAMETERS_PER_INSERT / columns.length)));
  const names = columns.map((column) => column.name);
  let lastRowid = -Infinity;
  let copied = 0;
  for (;;) {
    const { rows } = await sql<Record<string, unknown> & { _rowid: number }>`
      select rowid as _rowid, ${sql.join(names.map((name) => sql.ref(name)))}
      from ${sql.table(table)}
      where rowid > ${lastRowid === -Infinity ? Number.MIN_SAFE_INTEGER : lastRowid}
      order by rowid limit ${batchSize}`.execute(source);
    if (rows.length === 0) return copied;

    await target
      .insertInto(table)
      .values(rows.map((row) => convertRow(row, columns)))
      .execute();
    copied += rows.length;
    lastRowid = rows.at(-1)!._rowid;
  }
}

async function sourceColumnNames(source: Db, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(source);
  return rows.map((row) => row.name);
}

/**
 * Converts SQLite values to the target column types. better-auth's columns
 * are boolean and timestamptz on PostgreSQL but 0/1 and ISO text on SQLite;
 * every other column has the same representation on both.
 */
function convertRow(row: Record<string, unknown>, columns: TargetColumn[]): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const { name, dataType } of columns) {
    const value = row[name];
    if (value === null || value === undefined) {
      converted[name] = null;
    } else if (dataType === "boolean") {
      converted[name] = Boolean(value);
    } else if (dataType.startsWith("timestamp")) {
      converted[name] = new Date(value as string | number);
    } else {
      converted[name] = value;
    }
  }
  return converted;
}

/** Moves the identity sequence of `table`.id, if it has one, past the largest copied id. */
async function resetIdentity(target: Kysely<any>, table: string, columns: TargetColumn[]) {
  if (!columns.some((column) => column.name === "id")) return;
  const { rows } = await sql<{ sequence: string | null; maxId: number | null }>`
    select pg_get_serial_sequence(${quoteIdentifier(table)}, 'id') as sequence,
           (select max(id) from ${sql.table(table)}) as "maxId"`.execute(target);
  const { sequence, maxId } = rows[0]!;
  if (!sequence) return;
  // With is_called false the next id is 1; with true it is maxId + 1.
  await sql`select setval(cast(${sequence} as regclass), ${maxId ?? 1}, ${maxId !== null})`.execute(target);
}

async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const { rows } = await sql<{ rows: number }>`select count(*) as rows from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.rows ?? 0);
}

/** Row counts and the sum of every integer column of `table` on both sides; throws on a difference. */
async function compareTable(
  source: Db,
  target: Kysely<any>,
  table: string,
  columns: TargetColumn[],
): Promise<TableCopyReport> {
  const sourceRows = await countRows(source, table);
  const targetRows = await countRows(target, table);
  if (sourceRows !== targetRows) {
    throw new CopyError(`表 ${table} 行数不一致：源 ${sourceRows}，目标 ${targetRows} (row counts differ)`);
  }

  const integers = columns.filter((column) => column.dataType === "bigint" || column.dataType === "integer");
  const money: ColumnTotal[] = [];
  for (const { name } of integers) {
    const total = { column: name, source: await sumColumn(source, table, name), target: await sumColumn(target, table, name) };
    if (total.source !== total.target) {
      throw new CopyError(
        `表 ${table} 列 ${name} 合计不一致：源 ${total.source}，目标 ${total.target} (column totals differ)`,
      );
    }
    if (MONEY_COLUMN.test(name)) money.push(total);
  }
  return { table, sourceRows, targetRows, money };
}

async function sumColumn(db: Kysely<any>, table: string, column: string): Promise<number> {
  const { rows } = await sql<{ total: number | null }>`
    select sum(${sql.ref(column)}) as total from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.total ?? 0);
}
