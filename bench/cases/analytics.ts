import { type BareRunner, postgresRunner, sqliteRunner } from "../capture";
import type { BenchContext, Caller } from "../context";
import { BENCH_TODAY } from "../dataset/sizes";
import { measure, type RunCounts } from "../measure";
import { ratio, type ResultRow } from "../result";

/** A past date for the as-of reports: a balance as it stood then, whatever was entered since. */
export const PAST_AS_OF = "2025-06-30";

interface AnalyticsCase {
  name: string;
  description: string;
  call(caller: Caller): Promise<unknown>;
  /** Median target in milliseconds, or null for a figure measured without a target. */
  limitMs: number | null;
}

/** The report procedures a manager opens every day, with the inputs their pages send by default. */
export const ANALYTICS_CASES: readonly AnalyticsCase[] = [
  {
    name: "reminders",
    description: `reports.reminders, as of ${BENCH_TODAY}, 15 days ahead, first page of both lists as the page shows them (every owing client ranked, 100 rows each)`,
    call: (caller) => caller.reports.reminders({ horizonDays: 15, clientsPage: 1, upcomingPage: 1 }),
    limitMs: 300,
  },
  {
    name: "reminders-whole",
    description: `reports.reminders, as of ${BENCH_TODAY}, 15 days ahead, both lists whole (the export)`,
    call: (caller) => caller.reports.reminders({ horizonDays: 15 }),
    limitMs: null,
  },
  {
    name: "dashboard",
    description: `reports.dashboard, as of ${BENCH_TODAY}`,
    call: (caller) => caller.reports.dashboard({}),
    limitMs: 300,
  },
  {
    name: "aging-today",
    description: `aging.report, as of ${BENCH_TODAY}`,
    call: (caller) => caller.aging.report({}),
    limitMs: 1000,
  },
  {
    name: "aging-past",
    description: `aging.report, as of ${PAST_AS_OF}`,
    call: (caller) => caller.aging.report({ asOf: PAST_AS_OF }),
    limitMs: 1000,
  },
  {
    name: "speed-ranking",
    description: "speed.ranking, the 12 months up to today",
    call: (caller) => caller.speed.ranking({}),
    limitMs: 1000,
  },
  {
    name: "value-ranking",
    description: "value.ranking by revenue, the 12 months up to today",
    call: (caller) => caller.value.ranking({}),
    limitMs: 1000,
  },
  {
    name: "monthly-trend",
    description: "trend.report, the 24 months up to this one",
    call: (caller) => caller.trend.report({}),
    limitMs: 1000,
  },
  {
    name: "cash-flow",
    description: "costs.cashFlow, the 12 months up to this one",
    call: (caller) => caller.costs.cashFlow({}),
    limitMs: 1000,
  },
];

/** A procedure may take this many times its bare SQL. */
const MAX_RATIO = 1.5;

/**
 * Times each procedure end to end through its tRPC caller, then the SQL it
 * ran, captured from Kysely and replayed on prepared statements of the
 * driver in the same process: the limit the procedure can approach.
 */
export async function benchAnalytics(
  context: BenchContext,
  counts: RunCounts,
  selected: (name: string) => boolean,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const benchCase of ANALYTICS_CASES.filter((entry) => selected(entry.name))) {
    await benchCase.call(context.capturingCaller);
    const queries = context.capture.takeQueries(context.db);

    const measured = await measure(() => benchCase.call(context.caller), counts);
    const runner = await bareRunner(context.target, queries);
    let baseline;
    try {
      baseline = await measure(() => runner.run(), counts);
    } finally {
      await runner.close();
    }

    const row: ResultRow = {
      group: "analytics",
      name: benchCase.name,
      description: benchCase.description,
      measured,
      baseline,
      baselineLabel: `same ${queries.length} SQL statements, prepared`,
      extra: "",
      target: benchCase.limitMs === null ? `≤ ${MAX_RATIO}× bare` : `≤ ${MAX_RATIO}× bare, median < ${benchCase.limitMs} ms`,
      met: null,
      note: "",
    };
    row.met =
      (ratio(row) ?? Infinity) <= MAX_RATIO && (benchCase.limitMs === null || measured.medianMs < benchCase.limitMs);
    rows.push(row);
  }
  return rows;
}

function bareRunner(target: string, queries: Parameters<typeof sqliteRunner>[1]): Promise<BareRunner> | BareRunner {
  if (/^postgres(ql)?:\/\//i.test(target)) return postgresRunner(target, queries);
  return sqliteRunner(target, queries);
}
