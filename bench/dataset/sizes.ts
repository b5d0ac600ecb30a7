import path from "node:path";

/** Dataset sizes of the benchmark; every count is fixed so runs compare. */
export interface DatasetSize {
  name: SizeName;
  clients: number;
  contracts: number;
  staff: number;
  /** Operating cost rows per calendar month, spread over the categories. */
  costsPerMonth: number;
  /** Seed of every random draw; the same size always gives the same data. */
  seed: number;
}

export type SizeName = "XS" | "S" | "M";

export const SIZES: Record<SizeName, DatasetSize> = {
  XS: { name: "XS", clients: 60, contracts: 3_000, staff: 4, costsPerMonth: 10, seed: 20_261_201 },
  S: { name: "S", clients: 1_000, contracts: 100_000, staff: 12, costsPerMonth: 40, seed: 20_261_202 },
  M: { name: "M", clients: 10_000, contracts: 1_000_000, staff: 60, costsPerMonth: 400, seed: 20_261_203 },
};

/** The benchmark's "today": every dataset ends here and every run fixes the clock to it. */
export const BENCH_TODAY = "2026-12-04";

/** First day a contract may be signed: three years of history before BENCH_TODAY. */
export const HISTORY_START = "2024-01-02";

/** The administrator the generator creates, for signing in to the benchmark server. */
export const BENCH_ADMIN = {
  username: "bench_admin",
  // A public password: the account exists only in generated benchmark databases.
  password: "bench-admin-2026",
  name: "压测管理员",
  email: "bench_admin@bench.invalid",
} as const;

export function parseSize(value: string | undefined): DatasetSize {
  const size = SIZES[(value ?? "S").toUpperCase() as SizeName];
  if (!size) throw new Error(`Unknown dataset size "${value}": use XS, S or M`);
  return size;
}

/** Where a dataset of `sizeName` goes unless a path is given: data/bench/, which git ignores. */
export function defaultDatasetFile(sizeName: string): string {
  return path.join("data", "bench", `${sizeName}.db`);
}
