import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "kysely";

import { type Db, migrateToLatest, openDatabase } from "../../db";
import { getAuth } from "../../server/auth";
import type { Clock } from "../../server/clock";
import type { Role } from "../../server/permissions";
import { createCaller } from "../../server/root";
import { createUser } from "../../server/services/users";
import { sessionUser, type SessionUser } from "../../server/session";

export type Caller = ReturnType<typeof createCaller>;

export interface TestContext {
  db: Db;
  clock: Clock;
  /** A caller of every procedure acting as the context's user (an administrator by default). */
  caller: Caller;
  /**
   * A caller acting as `user`, or signed out for null, without a session
   * cookie: enough for every procedure except users.*, which pass the
   * session on to better-auth (use signIn for those).
   */
  callerAs(user: SessionUser | null): Caller;
  /**
   * Creates a real better-auth user with `role`, signs it in with its
   * username and password, and returns a caller built from the session
   * cookie the way requests are.
   */
  signIn(role: Role, options?: { staffId?: number | null; username?: string }): Promise<SignedIn>;
  /** Moves "today" to another date for the same database. */
  setToday(date: string): void;
}

export interface SignedIn {
  caller: Caller;
  user: SessionUser;
  /** Request headers with the session cookie. */
  headers: Headers;
}

/** Password of every user that signIn creates. */
export const TEST_PASSWORD = "test-password-123";

/** A signed-in user of `role` for callerAs; account managers need the staff id they are. */
export function testUser(role: Role, staffId: number | null = null): SessionUser {
  return { id: `test-${role}-${staffId ?? "none"}`, name: `测试${role}`, role, staffId };
}

export const TEST_ADMIN = testUser("admin");

/**
 * PostgreSQL server for the integration tests (`npm run test:pg`), from
 * HUIKUAN_TEST_DATABASE_URL; null runs them on SQLite in memory.
 */
export const TEST_POSTGRES_URL = process.env.HUIKUAN_TEST_DATABASE_URL || null;

/** Whether test contexts open PostgreSQL databases rather than SQLite ones. */
export const TESTING_ON_POSTGRES = TEST_POSTGRES_URL !== null;

/** Test databases on PostgreSQL, closed and dropped by closeTestDatabases. */
const openedDatabases: { name: string; pools: Db[] }[] = [];

let serverDatabase: Db | null = null;

/** How many test databases closeTestDatabases drops at once. */
const DROP_CONCURRENCY = 4;
let templateName: Promise<string> | null = null;

/** A connection to the test server's own database, to create and drop test databases. */
function testServer(url: string): Db {
  serverDatabase ??= openDatabase(url, { poolSize: DROP_CONCURRENCY, idleTimeoutMillis: 1000 });
  return serverDatabase;
}

function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * The migrated template that test databases are copied from: the one
 * tests/support/postgres-global-setup.ts made for the whole run
 * (HUIKUAN_TEST_TEMPLATE_DATABASE), else one made for this test file.
 * Copying a template takes a fraction of the time of migrating each copy.
 */
function templateDatabase(url: string): Promise<string> {
  templateName ??= (async () => {
    const shared = process.env.HUIKUAN_TEST_TEMPLATE_DATABASE;
    if (shared) return shared;
    const name = `test_template_${randomUUID().replaceAll("-", "")}`;
    await createMigratedDatabase(url, name);
    openedDatabases.push({ name, pools: [] });
    return name;
  })();
  return templateName;
}

/** Creates database `name` on the server at `url` and runs every migration in it. */
export async function createMigratedDatabase(url: string, name: string): Promise<void> {
  await sql`create database ${sql.id(name)}`.execute(testServer(url));
  const db = openDatabase(databaseUrl(url, name), { poolSize: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Creates a database with a unique name from the migrated template and
 * returns a function that opens a pool on it; every pool opened is closed,
 * and the database dropped, by closeTestDatabases.
 */
async function createTestDatabase(url: string) {
  const template = await templateDatabase(url);
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  // FILE_COPY (PostgreSQL 15 and later) copies the template's files without
  // logging each page, several times faster for a database this small.
  const strategy = (await serverVersion(url)) >= 150000 ? sql` strategy file_copy` : sql``;
  await sql`create database ${sql.id(name)} template ${sql.id(template)}${strategy}`.execute(testServer(url));
  const entry = { name, pools: [] as Db[] };
  openedDatabases.push(entry);
  const connect = () => {
    // Small pools with a short idle time: a test file opens dozens of contexts.
    const db = openDatabase(databaseUrl(url, name), { poolSize: 4, idleTimeoutMillis: 1000 });
    entry.pools.push(db);
    return db;
  };
  return { name, connect };
}

async function serverVersion(url: string): Promise<number> {
  const { rows } = await sql<{ version: number }>`
    select current_setting('server_version_num')::int as version`.execute(testServer(url));
  return rows[0]!.version;
}

/**
 * Closes every PostgreSQL test database opened by this test file and drops
 * it. The PostgreSQL Vitest configuration runs it after each file.
 */
export async function closeTestDatabases(): Promise<void> {
  if (!TEST_POSTGRES_URL) return;
  const entries = openedDatabases.splice(0);
  await Promise.all(entries.flatMap((entry) => entry.pools.map((db) => db.destroy())));
  // A few drops at a time: validation.test.ts alone leaves hundreds of
  // databases, too many to drop one by one within the hook timeout.
  const url = TEST_POSTGRES_URL;
  const names = entries.map((entry) => entry.name);
  const dropNext = async (): Promise<void> => {
    const name = names.shift();
    if (name === undefined) return;
    await dropDatabase(url, name);
    await dropNext();
  };
  await Promise.all(Array.from({ length: DROP_CONCURRENCY }, dropNext));
  templateName = null;
  await serverDatabase?.destroy();
  serverDatabase = null;
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await sql`drop database if exists ${sql.id(name)}`.execute(testServer(url));
}

/**
 * A migrated database: a fresh PostgreSQL database when
 * HUIKUAN_TEST_DATABASE_URL is set and no `file` is given, else SQLite
 * (in memory unless `file` is given).
 */
async function openTestDatabase(file: string): Promise<Db> {
  if (TEST_POSTGRES_URL && file === ":memory:") {
    return (await createTestDatabase(TEST_POSTGRES_URL)).connect();
  }
  const db = openDatabase(file);
  await migrateToLatest(db);
  return db;
}

/**
 * A migrated database (a PostgreSQL database under `npm run test:pg`, else
 * SQLite in memory unless `file` is given) with a clock fixed to `today`, and
 * a caller of every procedure against it acting as `user` (an administrator
 * unless given).
 */
export async function createTestContext(
  today = "2026-12-04",
  file = ":memory:",
  user: SessionUser | null = TEST_ADMIN,
): Promise<TestContext> {
  return contextOn(await openTestDatabase(file), today, user);
}

/**
 * `count` contexts on one database, each through its own connections: one
 * SQLite file, or one PostgreSQL database with a pool per context. On
 * PostgreSQL closeTestDatabases closes them; on SQLite the caller does.
 */
export async function createSharedTestContexts(
  count: number,
  today = "2026-12-04",
  user: SessionUser | null = TEST_ADMIN,
): Promise<TestContext[]> {
  let connect: () => Db;
  if (TEST_POSTGRES_URL) {
    connect = (await createTestDatabase(TEST_POSTGRES_URL)).connect;
  } else {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-shared-")), "shared.db");
    connect = () => openDatabase(file);
  }
  const first = connect();
  if (!TEST_POSTGRES_URL) await migrateToLatest(first);
  const databases = [first, ...Array.from({ length: count - 1 }, connect)];
  return databases.map((db) => contextOn(db, today, user));
}

function contextOn(db: Db, today: string, user: SessionUser | null): TestContext {
  let fixedDate = today;
  const clock: Clock = {
    timeZone: "Asia/Shanghai",
    today: () => fixedDate,
    nowIso: () => new Date().toISOString(),
  };
  const contextFor = (who: SessionUser | null, headers: Headers) =>
    createCaller({ db, clock, requestId: randomUUID(), user: who, headers });
  const callerAs = (who: SessionUser | null) => contextFor(who, new Headers());

  let created = 0;
  const signIn: TestContext["signIn"] = async (role, options = {}) => {
    created += 1;
    const username = options.username ?? `${role.replace("_", "")}${created}`;
    const auth = getAuth(db);
    await createUser(auth, db, {
      name: `测试用户${created}`,
      username,
      email: `${username}@test.invalid`,
      role,
      staffId: options.staffId ?? null,
      password: TEST_PASSWORD,
    });
    const response = await auth.api.signInUsername({
      body: { username, password: TEST_PASSWORD },
      returnHeaders: true,
    });
    const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const headers = new Headers({ cookie });
    const signedIn = await sessionUser(auth, headers);
    if (!signedIn) throw new Error(`Test user ${username} has no session after signing in`);
    return { caller: contextFor(signedIn, headers), user: signedIn, headers };
  };

  return {
    db,
    clock,
    caller: callerAs(user),
    callerAs,
    signIn,
    setToday(date: string) {
      fixedDate = date;
    },
  };
}
