import { APIError } from "better-auth/api";
import { getMigrations } from "better-auth/db/migration";
import { describe, expect, it } from "vitest";

import { migrateToLatest, openDatabase } from "../../db";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { DEMO_USERS } from "../../db/seed/demo-users";
import { getAuth, SESSION_MAX_AGE_SECONDS, SIGN_IN_RATE_LIMIT } from "../../server/auth";
import { handleAuthRequest } from "../../server/auth-route";
import { isCrossSiteRequest } from "../../server/csrf";
import { createUser, ensureFirstAdmin } from "../../server/services/users";
import { sessionUser } from "../../server/session";
import { afterSignIn, signInPath } from "../../server/sign-in-path";
import { createTestContext, TEST_PASSWORD } from "../support/context";

const TODAY = "2026-12-04";
const ORIGIN = "http://127.0.0.1:3200";

async function migratedDb() {
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  return db;
}

/** The status and error code of a better-auth server call. */
async function authFailure(promise: Promise<unknown>): Promise<{ status: number; code: string } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof APIError) return { status: error.statusCode, code: String(error.body?.code) };
    throw error;
  }
}

/** A sign-in request as a browser on `origin` sends it to the auth route. */
function signInRequest(body: Record<string, string>, options: { origin?: string; ip?: string; cookie?: string } = {}) {
  const headers = new Headers({
    "content-type": "application/json",
    host: "127.0.0.1:3200",
    origin: options.origin ?? ORIGIN,
    "x-forwarded-for": options.ip ?? "203.0.113.7",
  });
  if (options.cookie) headers.set("cookie", options.cookie);
  const path = "email" in body ? "email" : "username";
  return new Request(`${ORIGIN}/api/auth/sign-in/${path}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
}

describe("auth schema", () => {
  it("matches what better-auth expects", async () => {
    const db = await migratedDb();

    const plan = await getMigrations(getAuth(db).options);

    expect(plan.toBeCreated.map((table) => table.table)).toEqual([]);
    expect(plan.toBeAdded.map((table) => table.table)).toEqual([]);
    expect(plan.toBeAddedIndexes.map((index) => index.name)).toEqual([]);
    expect(plan.schemaProblems).toEqual([]);
    expect(plan.unsafeChanges).toEqual([]);
  });
});

describe("sign-in", () => {
  async function withUser() {
    const db = await migratedDb();
    const auth = getAuth(db);
    await createUser(auth, db, {
      name: "财务小王",
      username: "Wang.Fin",
      email: "Wang@Example.com",
      role: "finance",
      staffId: null,
      password: TEST_PASSWORD,
    });
    return { db, auth };
  }

  it("accepts the username in any case", async () => {
    const { auth } = await withUser();

    const result = await auth.api.signInUsername({ body: { username: "wang.fin", password: TEST_PASSWORD } });

    expect(result?.user.name).toBe("财务小王");
  });

  it("accepts the e-mail address", async () => {
    const { auth } = await withUser();

    const result = await auth.api.signInEmail({ body: { email: "wang@example.com", password: TEST_PASSWORD } });

    expect(result.user.name).toBe("财务小王");
  });

  it("gives a session with the user's role", async () => {
    const { auth } = await withUser();

    const response = await auth.api.signInUsername({ body: { username: "wang.fin", password: TEST_PASSWORD }, returnHeaders: true });
    const cookie = response.headers.getSetCookie()[0]!.split(";")[0]!;
    const user = await sessionUser(auth, new Headers({ cookie }));

    expect(user).toMatchObject({ name: "财务小王", role: "finance", staffId: null });
  });

  it("sets an HTTP-only same-site session cookie", async () => {
    const { auth } = await withUser();

    const response = await auth.api.signInUsername({ body: { username: "wang.fin", password: TEST_PASSWORD }, returnHeaders: true });
    const cookie = response.headers.getSetCookie()[0]!;

    expect(cookie).toMatch(/^huikuan\.session_token=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Max-Age=43200");
  });

  it("rejects a wrong password", async () => {
    const { auth } = await withUser();

    const failure = await authFailure(auth.api.signInUsername({ body: { username: "wang.fin", password: "wrong-password-1" } }));

    expect(failure).toEqual({ status: 401, code: "INVALID_USERNAME_OR_PASSWORD" });
  });

  it("answers an unknown user like a wrong password", async () => {
    const { auth } = await withUser();

    const unknown = await authFailure(auth.api.signInUsername({ body: { username: "nobody", password: TEST_PASSWORD } }));
    const unknownEmail = await authFailure(auth.api.signInEmail({ body: { email: "nobody@example.com", password: TEST_PASSWORD } }));

    expect(unknown).toEqual({ status: 401, code: "INVALID_USERNAME_OR_PASSWORD" });
    expect(unknownEmail).toEqual({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" });
  });

  it("is closed to self sign-up", async () => {
    const { auth } = await withUser();

    const failure = await authFailure(
      auth.api.signUpEmail({ body: { name: "外人", email: "x@example.com", password: TEST_PASSWORD } }),
    );

    expect(failure?.status).toBe(400);
  });
});

describe("sign-in over HTTP", () => {
  async function withUser() {
    const db = await migratedDb();
    const auth = getAuth(db);
    await createUser(auth, db, { name: "甲", username: "jia", email: "jia@example.com", role: "viewer", staffId: null, password: TEST_PASSWORD });
    return auth;
  }

  it("signs in from the app's own origin", async () => {
    const auth = await withUser();

    const response = await handleAuthRequest(auth, signInRequest({ username: "jia", password: TEST_PASSWORD }, { ip: "203.0.113.1" }));

    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/^huikuan\.session_token=/);
  });

  it("rejects a sign-in posted by another site", async () => {
    const auth = await withUser();

    const response = await handleAuthRequest(
      auth,
      signInRequest({ username: "jia", password: TEST_PASSWORD }, { origin: "https://evil.example", ip: "203.0.113.2" }),
    );

    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("rejects an e-mail sign-in posted by another site in better-auth too", async () => {
    const auth = await withUser();

    const response = await auth.handler(
      signInRequest({ email: "jia@example.com", password: TEST_PASSWORD }, { origin: "https://evil.example", ip: "203.0.113.5" }),
    );

    expect(response.status).toBe(403);
  });

  it("slows down repeated sign-ins from one address", async () => {
    const auth = await withUser();
    const statuses: number[] = [];

    for (let attempt = 0; attempt <= SIGN_IN_RATE_LIMIT.max; attempt += 1) {
      const response = await handleAuthRequest(auth, signInRequest({ username: "jia", password: "wrong-password-1" }, { ip: "203.0.113.3" }));
      statuses.push(response.status);
    }
    const other = await handleAuthRequest(auth, signInRequest({ username: "jia", password: TEST_PASSWORD }, { ip: "203.0.113.4" }));

    expect(statuses.slice(0, SIGN_IN_RATE_LIMIT.max).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(other.status).toBe(200);
  }, 30_000);
});

describe("disabled users", () => {
  it("cannot sign in", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin");
    const viewer = await ctx.signIn("viewer", { username: "viewer.off" });

    await admin.caller.users.setDisabled({ userId: viewer.user.id, disabled: true });
    const auth = getAuth(ctx.db);
    const failure = await authFailure(auth.api.signInUsername({ body: { username: "viewer.off", password: TEST_PASSWORD } }));

    expect(failure).toEqual({ status: 403, code: "BANNED_USER" });
  });

  it("lose the sessions they had", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin");
    const viewer = await ctx.signIn("viewer");

    await admin.caller.users.setDisabled({ userId: viewer.user.id, disabled: true });

    expect(await sessionUser(getAuth(ctx.db), viewer.headers)).toBeNull();
  });

  it("sign in again once enabled", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin");
    const viewer = await ctx.signIn("viewer", { username: "viewer.back" });

    await admin.caller.users.setDisabled({ userId: viewer.user.id, disabled: true });
    await admin.caller.users.setDisabled({ userId: viewer.user.id, disabled: false });
    const result = await getAuth(ctx.db).api.signInUsername({ body: { username: "viewer.back", password: TEST_PASSWORD } });

    expect(result?.user.id).toBe(viewer.user.id);
  });
});

describe("user administration", () => {
  it("creates a user who can sign in", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin");
    const staff = await ctx.caller.settings.addStaff({ name: "业务员丙", phone: "" });

    await admin.caller.users.create({ name: "丙", username: "Bing", email: "bing@example.com", role: "account_manager", staffId: staff.staffId, password: "bing-password-1" });
    const result = await getAuth(ctx.db).api.signInEmail({ body: { email: "bing@example.com", password: "bing-password-1" } });
    const users = await admin.caller.users.list();

    expect(result.user.name).toBe("丙");
    expect(users.find((user) => user.username === "bing")).toMatchObject({ role: "account_manager", staffId: staff.staffId, staffName: "业务员丙", disabled: false });
  });

  it("rejects a username already taken", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin", { username: "taken" });

    const error = await admin.caller.users
      .create({ name: "重名", username: "TAKEN", email: "other@example.com", role: "viewer", staffId: null, password: "long-enough-1" })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: "CONFLICT", message: "用户名已被使用，请换一个" });
  });

  it("rejects a staff member linked to another user", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin");
    const staff = await ctx.caller.settings.addStaff({ name: "业务员丁", phone: "" });
    await ctx.signIn("account_manager", { staffId: staff.staffId });

    const error = await admin.caller.users
      .create({ name: "丁二", username: "ding2", email: "ding2@example.com", role: "account_manager", staffId: staff.staffId, password: "long-enough-1" })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: "CONFLICT" });
  });

  it("changes a role at once", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin");
    const viewer = await ctx.signIn("viewer");

    await admin.caller.users.update({ userId: viewer.user.id, name: "升为财务", role: "finance", staffId: null });

    expect(await sessionUser(getAuth(ctx.db), viewer.headers)).toMatchObject({ role: "finance", name: "升为财务" });
  });

  it("does not let administrators demote or disable themselves", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin");

    const demote = await admin.caller.users
      .update({ userId: admin.user.id, name: "我", role: "viewer", staffId: null })
      .catch((caught: unknown) => caught);
    const disable = await admin.caller.users.setDisabled({ userId: admin.user.id, disabled: true }).catch((caught: unknown) => caught);

    expect(demote).toMatchObject({ code: "BAD_REQUEST" });
    expect(disable).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("resets a password and ends the user's sessions", async () => {
    const ctx = await createTestContext(TODAY);
    const admin = await ctx.signIn("admin");
    const viewer = await ctx.signIn("viewer", { username: "forgetful" });
    const auth = getAuth(ctx.db);

    await admin.caller.users.setPassword({ userId: viewer.user.id, password: "brand-new-pass-1" });
    const old = await authFailure(auth.api.signInUsername({ body: { username: "forgetful", password: TEST_PASSWORD } }));
    const fresh = await auth.api.signInUsername({ body: { username: "forgetful", password: "brand-new-pass-1" } });

    expect(await sessionUser(auth, viewer.headers)).toBeNull();
    expect(old?.status).toBe(401);
    expect(fresh?.user.id).toBe(viewer.user.id);
  });

  it("never stores a password in plain text", async () => {
    const ctx = await createTestContext(TODAY);
    await ctx.signIn("viewer");

    const rows = await ctx.db.selectFrom("user").selectAll().execute();
    const accounts = await getAuth(ctx.db).$context.then((context) => context.internalAdapter.findAccounts(rows[0]!.id));

    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
    expect(accounts[0]?.password).toBeTruthy();
    expect(accounts[0]?.password).not.toContain(TEST_PASSWORD);
  });
});

describe("sessions", () => {
  it("end a week after sign-in however active", async () => {
    const ctx = await createTestContext(TODAY);
    const viewer = await ctx.signIn("viewer");
    const signedInAt = new Date(Date.now() - (SESSION_MAX_AGE_SECONDS + 60) * 1000).toISOString();

    await ctx.db.updateTable("session" as never).set({ createdAt: signedInAt } as never).execute();

    expect(await sessionUser(getAuth(ctx.db), viewer.headers)).toBeNull();
  });

  it("are nobody without a cookie", async () => {
    const ctx = await createTestContext(TODAY);

    expect(await sessionUser(getAuth(ctx.db), new Headers())).toBeNull();
  });

  it("are nobody with a forged cookie", async () => {
    const ctx = await createTestContext(TODAY);
    await ctx.signIn("admin");

    const forged = new Headers({ cookie: "huikuan.session_token=made-up.signature" });

    expect(await sessionUser(getAuth(ctx.db), forged)).toBeNull();
  });
});

describe("first administrator", () => {
  const env = { HUIKUAN_ADMIN_USERNAME: "boss", HUIKUAN_ADMIN_PASSWORD: "boss-password-1" };

  it("is created from the environment when there is no user", async () => {
    const db = await migratedDb();
    const auth = getAuth(db);

    const created = await ensureFirstAdmin(auth, db, env);
    const result = await auth.api.signInUsername({ body: { username: "boss", password: "boss-password-1" } });

    const stored = await db.selectFrom("user").select("role").executeTakeFirstOrThrow();

    expect(created?.userId).toBe(result?.user.id);
    expect(stored.role).toBe("admin");
  });

  it("is not created when users exist", async () => {
    const db = await migratedDb();
    const auth = getAuth(db);
    await ensureFirstAdmin(auth, db, env);

    const again = await ensureFirstAdmin(auth, db, { ...env, HUIKUAN_ADMIN_USERNAME: "boss2" });

    expect(again).toBeNull();
  });

  it("needs a long enough password", async () => {
    const db = await migratedDb();

    await expect(ensureFirstAdmin(getAuth(db), db, { ...env, HUIKUAN_ADMIN_PASSWORD: "short" })).rejects.toThrow(
      "HUIKUAN_ADMIN_PASSWORD",
    );
  });

  it("needs both variables", async () => {
    const db = await migratedDb();

    await expect(ensureFirstAdmin(getAuth(db), db, { HUIKUAN_ADMIN_USERNAME: "boss" })).rejects.toThrow(
      "HUIKUAN_ADMIN_PASSWORD",
    );
  });
});

describe("cross-site check of procedure calls", () => {
  function post(headers: Record<string, string>) {
    return new Request(`${ORIGIN}/api/trpc/payments.record`, {
      method: "POST",
      headers: { host: "127.0.0.1:3200", ...headers },
    });
  }

  it("passes a same-origin request", () => {
    expect(isCrossSiteRequest(post({ "sec-fetch-site": "same-origin", origin: ORIGIN }), {})).toBe(false);
  });

  it("rejects a cross-site request", () => {
    expect(isCrossSiteRequest(post({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), {})).toBe(true);
  });

  it("rejects a same-site request from another subdomain", () => {
    expect(isCrossSiteRequest(post({ "sec-fetch-site": "same-site" }), {})).toBe(true);
  });

  it("rejects another origin when Sec-Fetch-Site is missing", () => {
    expect(isCrossSiteRequest(post({ origin: "https://evil.example" }), {})).toBe(true);
  });

  it("passes the configured base URL", () => {
    const request = post({ origin: "https://huikuan.example.com" });

    expect(isCrossSiteRequest(request, { HUIKUAN_BASE_URL: "https://huikuan.example.com" })).toBe(false);
  });

  it("passes a script that sends no browser headers", () => {
    expect(isCrossSiteRequest(post({}), {})).toBe(false);
  });
});

describe("sign-in redirects", () => {
  it("return to the page asked for", () => {
    expect(signInPath("/clients/3?asOf=2026-12-01")).toBe("/sign-in?next=%2Fclients%2F3%3FasOf%3D2026-12-01");
  });

  it("never leave the site", () => {
    expect(signInPath("//evil.example/x")).toBe("/sign-in");
    expect(afterSignIn("https://evil.example")).toBe("/");
    expect(afterSignIn("/\\evil.example")).toBe("/");
  });

  it("do not loop back to sign-in", () => {
    expect(afterSignIn("/sign-in?next=/")).toBe("/");
  });
});

describe("demo accounts", () => {
  it("sign in for every role, the account manager with clients of their own", async () => {
    const ctx = await createTestContext(TODAY);
    await seedDemoIfEmpty(ctx.db, ctx.clock);
    const auth = getAuth(ctx.db);

    const roles: string[] = [];
    for (const account of DEMO_USERS) {
      const response = await auth.api.signInUsername({
        body: { username: account.username, password: account.password },
        returnHeaders: true,
      });
      const cookie = response.headers.getSetCookie()[0]!.split(";")[0]!;
      const user = await sessionUser(auth, new Headers({ cookie }));
      roles.push(user!.role);
      if (user!.role === "account_manager") {
        const clients = await ctx.callerAs(user).clients.list({});
        expect(clients.length).toBeGreaterThan(0);
        expect(clients.every((client) => client.accountManagerName === account.staffName)).toBe(true);
      }
    }

    expect(roles.sort()).toEqual(["account_manager", "admin", "finance", "viewer"]);
  }, 60_000);

  it("have passwords of at least 10 characters", () => {
    expect(DEMO_USERS.every((account) => account.password.length >= 10)).toBe(true);
  });
});
