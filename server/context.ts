import { randomUUID } from "node:crypto";

import { type Db, getDb, migrateToLatest } from "../db";
import { clockFromEnv } from "./clock";
import { logger } from "./logger";
import { createCaller } from "./root";
import type { Context } from "./trpc";

const globalForSetup = globalThis as unknown as { huikuanReady?: Promise<Db> };

/**
 * The process database, migrated and, when empty and HUIKUAN_DEMO is not
 * "0", filled with the demo agency. Runs once per process.
 */
export function readyDatabase(): Promise<Db> {
  globalForSetup.huikuanReady ??= (async () => {
    const db = getDb();
    await migrateToLatest(db);
    if (process.env.HUIKUAN_DEMO !== "0") {
      const { seedDemoIfEmpty } = await import("../db/seed/demo");
      const seeded = await seedDemoIfEmpty(db, clockFromEnv());
      if (seeded) logger.info(seeded, "demo data created");
    }
    return db;
  })().catch((error: unknown) => {
    globalForSetup.huikuanReady = undefined;
    throw error;
  });
  return globalForSetup.huikuanReady;
}

export async function createContext(): Promise<Context> {
  return { db: await readyDatabase(), clock: clockFromEnv(), requestId: randomUUID() };
}

/** A server-side caller of every procedure, for pages and route handlers. */
export async function serverCaller() {
  return createCaller(await createContext());
}
