import { randomUUID } from "node:crypto";

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
 * A migrated database (in memory unless `file` is given) with a clock fixed
 * to `today`, and a caller of every procedure against it acting as `user`
 * (an administrator unless given).
 */
export async function createTestContext(
  today = "2026-12-04",
  file = ":memory:",
  user: SessionUser | null = TEST_ADMIN,
): Promise<TestContext> {
  const db = openDatabase(file);
  await migrateToLatest(db);

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
