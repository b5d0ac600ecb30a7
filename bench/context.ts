import { randomUUID } from "node:crypto";

import { type Db, migrateToLatest, openDatabase } from "../db";
import { createClock } from "../server/clock";
import { createCaller } from "../server/root";
import type { SessionUser } from "../server/session";
import { QueryCapture } from "./capture";
import { BENCH_ADMIN, BENCH_TODAY } from "./dataset/sizes";

export type Caller = ReturnType<typeof createCaller>;

/** The benchmark database opened by the product's own code, with callers acting as the generated administrator. */
export interface BenchContext {
  /** An SQLite file path or a postgres:// URL. */
  target: string;
  db: Db;
  caller: Caller;
  /** A caller whose queries `capture` records. */
  capturingCaller: Caller;
  capture: QueryCapture;
  close(): Promise<void>;
}

/**
 * Opens the dataset and brings its schema up to date, so a dataset
 * generated before a new migration (an index, say) gets it first.
 */
export async function openBenchContext(target: string): Promise<BenchContext> {
  const db = openDatabase(target);
  await migrateToLatest(db);
  const admin = await db
    .selectFrom("user")
    .select(["id", "name"])
    .where("username", "=", BENCH_ADMIN.username)
    .executeTakeFirst();
  if (!admin) {
    throw new Error(`${describe(target)} has no user ${BENCH_ADMIN.username}: generate it with bench/generate.ts`);
  }

  const user: SessionUser = { id: admin.id, name: admin.name, role: "admin", staffId: null };
  const clock = createClock({ fixedDate: BENCH_TODAY });
  const callerOn = (database: Db) =>
    createCaller({ db: database, clock, requestId: randomUUID(), user, headers: new Headers() });
  const capture = new QueryCapture();

  return {
    target,
    db,
    caller: callerOn(db),
    capturingCaller: callerOn(db.withPlugin(capture)),
    capture,
    close: () => db.destroy(),
  };
}

/** Returns the target for messages, with any PostgreSQL password masked. */
export function describe(target: string): string {
  return target.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
