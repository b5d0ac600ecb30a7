// Must come first: lets tsx load @react-pdf/renderer (see the module).
import "./esm-interop";

import SQLite from "better-sqlite3";

import { mapIntoMemory } from "../db/dialect/sqlite";
import { ANALYTICS_CASES } from "./cases/analytics";
import { openBenchContext } from "./context";

/**
 * Prints SQLite's query plan of every statement an analytics procedure
 * runs, with its time on a prepared better-sqlite3 statement (the best of
 * three runs) and its row count: `npx tsx bench/explain.ts FILE [name]`.
 */
async function main(): Promise<void> {
  const [file = "data/bench/S.db", only] = process.argv.slice(2);
  const context = await openBenchContext(file);
  const sqlite = new SQLite(file, { readonly: true });
  // The same memory-mapped reads as the app's connection (db/dialect/sqlite.ts).
  mapIntoMemory(sqlite);
  try {
    for (const benchCase of ANALYTICS_CASES.filter((entry) => !only || entry.name === only)) {
      await benchCase.call(context.capturingCaller);
      console.log(`\n## ${benchCase.name}`);
      for (const query of context.capture.takeQueries(context.db)) {
        const { ms, rows } = timeStatement(sqlite.prepare(query.sql), query.parameters);
        console.log(`\n${query.sql.slice(0, 160)}…`);
        console.log(`  ${ms.toFixed(1)} ms, ${rows} rows`);
        const plan = sqlite.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string; id: number; parent: number }[];
        const depth = new Map<number, number>([[0, 0]]);
        for (const step of plan) {
          const level = (depth.get(step.parent) ?? 0) + 1;
          depth.set(step.id, level);
          console.log(`${"  ".repeat(level)}${step.detail}`);
        }
      }
    }
  } finally {
    sqlite.close();
    await context.close();
  }
}

/** Runs a statement three times and returns the fastest time with the number of rows read. */
function timeStatement(statement: SQLite.Statement, parameters: readonly unknown[]): { ms: number; rows: number } {
  let ms = Infinity;
  let rows = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    rows = statement.reader ? statement.all(...parameters).length : 0;
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, rows };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
