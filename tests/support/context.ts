import { randomUUID } from "node:crypto";

import { type Db, migrateToLatest, openDatabase } from "../../db";
import type { Clock } from "../../server/clock";
import { createCaller } from "../../server/root";

export interface TestContext {
  db: Db;
  clock: Clock;
  caller: ReturnType<typeof createCaller>;
  /** Moves "today" to another date for the same database. */
  setToday(date: string): void;
}

/**
 * A migrated database (in memory unless `file` is given) with a clock fixed
 * to `today`, and a caller of every procedure against it.
 */
export async function createTestContext(today = "2026-12-04", file = ":memory:"): Promise<TestContext> {
  const db = openDatabase(file);
  await migrateToLatest(db);

  let fixedDate = today;
  const clock: Clock = {
    timeZone: "Asia/Shanghai",
    today: () => fixedDate,
    nowIso: () => new Date().toISOString(),
  };
  const caller = createCaller({ db, clock, requestId: randomUUID() });
  return {
    db,
    clock,
    caller,
    setToday(date: string) {
      fixedDate = date;
    },
  };
}
