import SQLite from "better-sqlite3";
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import pg from "pg";

import type { Db } from "../db";
import { mapIntoMemory } from "../db/dialect/sqlite";

/** One statement a procedure ran, as the database received it. */
export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Records every query that a Kysely instance executes and compiles it with
 * that instance's dialect, so the exact SQL and parameters of a procedure
 * can be replayed without Kysely. Kysely also passes subqueries through
 * transformQuery when it builds them, so only queries that reach
 * transformResult (that is, ran) are kept.
 */
export class QueryCapture implements KyselyPlugin {
  readonly #built = new Map<PluginTransformQueryArgs["queryId"], RootOperationNode>();
  readonly #executed: PluginTransformQueryArgs[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#built.set(args.queryId, args.node);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const node = this.#built.get(args.queryId);
    if (node) this.#executed.push({ node, queryId: args.queryId });
    return args.result;
  }

  /** Compiles the executed queries, in the order they finished, and forgets them. */
  takeQueries(db: Db): CapturedQuery[] {
    const executor = db.getExecutor();
    const queries = this.#executed.map(({ node, queryId }) => {
      const compiled = executor.compileQuery(node, queryId);
      return { sql: compiled.sql, parameters: compiled.parameters };
    });
    this.#executed.length = 0;
    this.#built.clear();
    return queries;
  }
}

/** Runs captured queries directly on the database driver, with statements prepared once. */
export interface BareRunner {
  /** Executes every query once, in order, reading every row. */
  run(): Promise<void>;
  close(): Promise<void>;
}

export function sqliteRunner(file: string, queries: readonly CapturedQuery[]): BareRunner {
  const sqlite = new SQLite(file, { readonly: true });
  // The same memory-mapped reads as the app's connection (db/dialect/sqlite.ts).
  mapIntoMemory(sqlite);
  const statements = queries.map((query) => ({
    statement: sqlite.prepare(query.sql),
    parameters: query.parameters,
  }));
  return {
    async run() {
      for (const { statement, parameters } of statements) {
        if (statement.reader) statement.all(...parameters);
        else statement.run(...parameters);
      }
    },
    async close() {
      sqlite.close();
    },
  };
}

/** Named statements on one connection: PostgreSQL parses and plans each once per connection. */
export async function postgresRunner(url: string, queries: readonly CapturedQuery[]): Promise<BareRunner> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async run() {
      for (const [index, query] of queries.entries()) {
        await client.query({ name: `bench_${index}`, text: query.sql, values: [...query.parameters] });
      }
    },
    async close() {
      await client.end();
    },
  };
}
