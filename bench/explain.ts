// Must come first: lets tsx load @react-pdf/renderer (see the module).
import "./esm-interop";

import SQLite from "better-sqlite3";

import { ANALYTICS_CASES } from "./cases/analytics";
import { openBenchContext } from "./context";

/**
 * Prints SQLite's query plan of every statement an analytics procedure
 * runs: `npx tsx bench/explain.ts FILE [name]`.
 */
async function main(): Promise<void> {
  const [file = "data/bench/S.db", only] = process.argv.slice(2);
  const context = await openBenchContext(file);
  const sqlite = new SQLite(file, { readonly: true });
  try {
    for (const benchCase of ANALYTICS_CASES.filter((entry) => !only || entry.name === only)) {
      await benchCase.call(context.capturingCaller);
      console.log(`\n## ${benchCase.name}`);
      for (const query of context.capture.takeQueries(context.db)) {
        console.log(`\n${query.sql.slice(0, 160)}…`);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
