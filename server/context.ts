import { randomUUID } from "node:crypto";

import { cache } from "react";

import { type Db, getDb, migrateToLatest } from "../db";
import { getAuth } from "./auth";
import { clockFromEnv } from "./clock";
import { logger } from "./logger";
import { createCaller } from "./root";
import { ensureFirstAdmin } from "./services/users";
import { type SessionUser, sessionUser } from "./session";
import { PATH_HEADER, signInPath } from "./sign-in-path";
import type { Context } from "./trpc";

const globalForSetup = globalThis as unknown as { huikuanReady?: Promise<Db> };

/**
 * The process database, migrated, with the first administrator from
 * HUIKUAN_ADMIN_USERNAME when it has no user, and, when empty and
 * HUIKUAN_DEMO is not "0", filled with the demo agency and its accounts.
 * Runs once per process.
 */
export function readyDatabase(): Promise<Db> {
  globalForSetup.huikuanReady ??= (async () => {
    const db = getDb();
    await migrateToLatest(db);
    const admin = await ensureFirstAdmin(getAuth(db), db, process.env);
    if (admin) logger.info({ userId: admin.userId }, "first administrator created from HUIKUAN_ADMIN_USERNAME");
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

/**
 * The context of one request, with the user signed in by its session
 * cookie. tRPC's HTTP handler passes the fetch Request; pages, server
 * actions and route handlers pass nothing and the headers come from
 * next/headers.
 */
export async function createContext(options?: { req: Request }): Promise<Context> {
  const db = await readyDatabase();
  if (options) {
    const user = await sessionUser(getAuth(db), options.req.headers);
    return { db, clock: clockFromEnv(), requestId: randomUUID(), user, headers: options.req.headers };
  }
  const { user, headers } = await currentSession();
  return { db, clock: clockFromEnv(), requestId: randomUUID(), user, headers };
}

/**
 * The signed-in user of the request being rendered, or null; for the
 * navigation and for showing only the links and buttons a role may use.
 */
export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession()).user;
}

/** The session of the current request, read once per server render (React cache). */
const currentSession = cache(async () => {
  // Request headers first: during `next build` they end prerendering before
  // the database is opened.
  const { headers: nextHeaders } = await import("next/headers");
  const headers = new Headers(await nextHeaders());
  const db = await readyDatabase();
  return { user: await sessionUser(getAuth(db), headers), headers };
});

/**
 * A server-side caller of every procedure, for pages, server actions and
 * route handlers, acting as the signed-in user. Without a valid session it
 * redirects to /sign-in, back to the current page afterwards; the
 * procedures themselves reject such calls too (UNAUTHORIZED).
 */
export async function serverCaller() {
  const context = await createContext();
  if (!context.user) {
    const { redirect } = await import("next/navigation");
    redirect(signInPath(context.headers.get(PATH_HEADER)));
  }
  return createCaller(context);
}
