import type { Db } from "../../db";
import type { Clock } from "../clock";
import { type AgingBucket, DEFAULT_AGING_BOUNDS, agingBoundsProblem, bucketsFromBounds } from "../domain/aging";
import { badInput } from "../errors";

export const AGING_BUCKETS_KEY = "aging_buckets";

/** Reads the configured bucket upper bounds, or returns the default ones when none are saved or the saved ones are unusable. */
export async function getAgingBounds(db: Db): Promise<number[]> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", AGING_BUCKETS_KEY).executeTakeFirst();
  if (!row) return [...DEFAULT_AGING_BOUNDS];
  const parsed: unknown = JSON.parse(row.value);
  if (!Array.isArray(parsed) || agingBoundsProblem(parsed as number[]) !== null) return [...DEFAULT_AGING_BOUNDS];
  return parsed as number[];
}

export async function getAgingBuckets(db: Db): Promise<AgingBucket[]> {
  return bucketsFromBounds(await getAgingBounds(db));
}

export async function saveAgingBounds(db: Db, clock: Clock, bounds: number[]) {
  const problem = agingBoundsProblem(bounds);
  if (problem) throw badInput("bounds", problem);
  const value = JSON.stringify(bounds);
  const updatedAt = clock.nowIso();
  await db
    .insertInto("setting")
    .values({ key: AGING_BUCKETS_KEY, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
  return { bounds, buckets: bucketsFromBounds(bounds) };
}
