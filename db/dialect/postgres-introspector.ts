import { type DatabaseIntrospector, type Kysely, type SchemaMetadata, type TableMetadata, sql } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Lists the tables of the current schema only. Kysely's Migrator asks for
 * every table to see whether its own exist, and Kysely's PostgreSQL
 * introspector reads every schema of the database: about two seconds per
 * call with a hundred schemas on the development machine.
 */
export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<any>;

  constructor(db: Kysely<any>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_namespace`.execute(this.#db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{
      table: string;
      schema: string;
      isView: boolean;
      column: string;
      dataType: string;
      isNullable: string;
      columnDefault: string | null;
      identity: string;
    }>`
      select c.table_name as table, c.table_schema as schema, t.table_type = 'VIEW' as "isView",
             c.column_name as column, c.data_type as "dataType", c.is_nullable as "isNullable",
             c.column_default as "columnDefault", c.is_identity as identity
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema()
      order by c.table_name, c.ordinal_position`.execute(this.#db);

    const tables = new Map<string, TableMetadata>();
    for (const row of rows) {
      let table = tables.get(row.table);
      if (!table) {
        table = { name: row.table, schema: row.schema, isView: row.isView, isForeign: false, columns: [] };
        tables.set(row.table, table);
      }
      const autoIncrementing = row.identity === "YES" || (row.columnDefault ?? "").startsWith("nextval(");
      table.columns.push({
        name: row.column,
        dataType: row.dataType,
        isNullable: row.isNullable === "YES",
        hasDefaultValue: row.columnDefault !== null || autoIncrementing,
        isAutoIncrementing: autoIncrementing,
      });
    }
    return [...tables.values()];
  }
}
