// Must come first: lets tsx load @react-pdf/renderer (see the module).
import "./esm-interop";

import fs from "node:fs";
import { parseArgs } from "node:util";

import { ANALYTICS_CASES, benchAnalytics } from "./cases/analytics";
import { benchImport } from "./cases/imports";
import { benchBatch, benchLetter } from "./cases/letters";
import { benchPages } from "./cases/pages";
import { describe, openBenchContext } from "./context";
import { generateDataset } from "./dataset/generate";
import { BENCH_TODAY, defaultDatasetFile, parseSize } from "./dataset/sizes";
import type { RunCounts } from "./measure";
import { describeMachine, resultSection, writeSection } from "./report";
import type { ResultRow } from "./result";

const USAGE = `Usage: npm run bench -- [options]
  --size XS|S|M       dataset size (default S); generated into data/bench/ when missing
  --smoke             XS with one timed run each: checks that every benchmark runs
  --db FILE           SQLite dataset to use instead of data/bench/<size>.db
  --database URL      run the analytics against this postgres:// database instead (copy the dataset there first)
  --only NAMES        comma-separated benchmark or group names (analytics, letters, import, pages)
  --skip NAMES        the same names, left out
  --runs N            timed runs per figure (default 15 for XS and S, 7 for M)
  --warmup N          untimed runs before them (default 2)
  --app-dir DIR       checkout with a production build (next build) for the page benchmark (default .)
  --out FILE          results file (default docs/benchmarks.md); "-" prints only`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: "string" },
      smoke: { type: "boolean", default: false },
      db: { type: "string" },
      database: { type: "string" },
      only: { type: "string" },
      skip: { type: "string" },
      runs: { type: "string" },
      warmup: { type: "string" },
      "app-dir": { type: "string", default: "." },
      out: { type: "string", default: "docs/benchmarks.md" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  const size = parseSize(values.smoke ? "XS" : values.size);
  const file = values.db ?? defaultDatasetFile(size.name);
  if (!values.database && !fs.existsSync(file)) {
    console.log(`${file} is missing: generating dataset ${size.name}`);
    await generateDataset(size, file, (message) => console.log(`  ${message}`));
  }

  const counts: RunCounts = {
    warmup: positiveInteger(values.warmup, values.smoke ? 0 : 2, "--warmup"),
    runs: positiveInteger(values.runs, defaultRuns(size.name, values.smoke), "--runs"),
  };
  const only = nameList(values.only);
  const skip = nameList(values.skip);
  const selected = (group: string, name = group) =>
    (only.length === 0 || only.includes(group) || only.includes(name)) && !skip.includes(group) && !skip.includes(name);
  const target = values.database ?? file;
  const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

  const context = await openBenchContext(target);
  const rows: ResultRow[] = [];
  try {
    log(`dataset ${size.name} in ${describe(target)}; ${counts.warmup} warm-up and ${counts.runs} timed runs`);
    if (ANALYTICS_CASES.some((entry) => selected("analytics", entry.name))) {
      rows.push(...(await benchAnalytics(context, counts, (name) => selected("analytics", name))));
      log("analytics done");
    }
    if (!values.database) {
      if (selected("letters", "letter")) rows.push(...(await benchLetter(context, counts)));
      if (selected("letters", "batch")) rows.push(...(await benchBatch(context, values.smoke ? 20 : 500)));
      if (selected("letters") || selected("letter") || selected("batch")) log("letters done");
      if (selected("import")) rows.push(...(await benchImport(values.smoke ? 2_000 : 100_000)));
      if (selected("pages")) rows.push(...(await benchPages(file, values["app-dir"], values.smoke)));
    }
  } finally {
    await context.close();
  }

  const databaseKind = values.database ? "postgres" : "sqlite";
  // A run of some benchmarks only gets a section of its own, so it never hides a full run's rows.
  let part = "";
  if (only.length > 0) part = ` (${only.join(", ")} only)`;
  else if (skip.length > 0) part = ` (without ${skip.join(", ")})`;
  const key = `${size.name}-${databaseKind}${part ? `-${[...only, ...skip.map((name) => `no-${name}`)].join("-")}` : ""}`;
  const section = resultSection(
    {
      key,
      title: `Size ${size.name} on ${databaseKind === "postgres" ? "PostgreSQL" : "SQLite"}${part}`,
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
      startedAt,
      machine,
      database: describe(target),
      datasetRows: await datasetRows(target),
      counts: `${counts.warmup} warm-up, ${counts.runs} timed runs per figure unless the row says otherwise; clock fixed to ${BENCH_TODAY}`,
    },
    rows,
  );
  console.log(`\n${section}\n`);
  if (values.out === "-") return;
  if (values.smoke) {
    console.log("smoke run: results file left unchanged");
    return;
  }
  writeSection(values.out, key, section);
  console.log(`results written to ${values.out}`);
}

async function datasetRows(target: string): Promise<Record<string, number>> {
  const context = await openBenchContext(target);
  try {
    const rows: Record<string, number> = {};
    for (const table of ["client", "contract", "installment", "payment", "allocation", "operating_cost"] as const) {
      const row = await context.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      rows[table] = Number(row.count);
    }
    return rows;
  } finally {
    await context.close();
  }
}

function defaultRuns(sizeName: string, smoke: boolean): number {
  if (smoke) return 1;
  return sizeName === "M" ? 7 : 15;
}

function nameList(text: string | undefined): string[] {
  return text?.split(",").map((name) => name.trim()).filter(Boolean) ?? [];
}

function positiveInteger(text: string | undefined, fallback: number, option: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${option} must be a whole number, got "${text}"`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
