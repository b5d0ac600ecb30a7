import { randomBytes } from "node:crypto";

import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { username } from "better-auth/plugins/username";

import type { Db } from "../db";
import { databaseKind } from "../db/dialect/kind";
import { logger } from "./logger";

/** Environment variables in the shape of process.env. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * A session ends after this long without a request that refreshes it.
 * NOTE: better-auth's nextCookies plugin skips the refresh on client-side
 * navigations (RSC requests), so only full page loads, server actions and
 * route handlers move the expiry.
 */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** How often a used session is extended, at most. */
export const SESSION_REFRESH_SECONDS = 60 * 60;
/** A session ends this long after sign-in, however active (checked in server/session.ts). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** Sign-in requests allowed per client address and sign-in path within the window. */
export const SIGN_IN_RATE_LIMIT = { window: 5 * 60, max: 10 } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Prefix of the auth cookies: `huikuan.session_token`, `__Secure-huikuan.session_token` over HTTPS. */
export const COOKIE_PREFIX = "huikuan";

export const DEFAULT_BASE_URL = "http://localhost:3000";

/** Returns the public URL of the app, from HUIKUAN_BASE_URL. */
export function baseUrl(env: Env = process.env): string {
  return env.HUIKUAN_BASE_URL || DEFAULT_BASE_URL;
}

const globalForSecret = globalThis as unknown as { huikuanAuthSecret?: string };

/**
 * Returns the key that signs session cookies: HUIKUAN_AUTH_SECRET, or else a
 * random key for this process, so sessions end when the server restarts.
 */
function authSecret(env: Env): string {
  const configured = env.HUIKUAN_AUTH_SECRET || env.BETTER_AUTH_SECRET;
  if (configured) return configured;

  if (!globalForSecret.huikuanAuthSecret) {
    globalForSecret.huikuanAuthSecret = randomBytes(32).toString("base64url");
    if (env.NODE_ENV === "production") {
      logger.warn("HUIKUAN_AUTH_SECRET is not set; users must sign in again after every restart");
    }
  }
  return globalForSecret.huikuanAuthSecret;
}

/**
 * Returns the origin a request was sent to. Trusting it lets the app serve
 * any address (127.0.0.1 in tests, a LAN name in the office), and a page on
 * another site still cannot post to it, because the browser sets Origin to
 * that site, which matches neither this nor HUIKUAN_BASE_URL.
 */
function requestOrigin(request: Request | undefined): string | undefined {
  if (!request) return undefined;
  const host = request.headers.get("host");
  if (!host) return undefined;
  return `${new URL(request.url).protocol}//${host}`;
}

/**
 * Builds the better-auth instance over `db`, the same Kysely database the
 * receivables use. Its tables are created by our own migration
 * (db/migrations/2026-12-04-02-auth.ts), which must match this configuration.
 */
export function createAuth(db: Db, env: Env = process.env) {
  const url = baseUrl(env);
  return betterAuth({
    appName: "回款管理",
    baseURL: url,
    secret: authSecret(env),
    database: { db, type: databaseKind(db) },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by administrators (users.create), never by sign-up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: true, defaultValue: "viewer", input: false },
        // The staff member (业务员) an account-manager user is. The
        // migration adds the foreign key to staff.id, which better-auth
        // would declare as text because its own ids are text.
        staffId: { type: "number", required: false, input: false },
      },
    },
    session: { expiresIn: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 100,
      customRules: { "/sign-in/*": { ...SIGN_IN_RATE_LIMIT } },
    },
    trustedOrigins: (request) => [new URL(url).origin, requestOrigin(request)],
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: url.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // better-auth skips its origin checks when NODE_ENV is "test"; the
      // tests should see what production does.
      disableOriginCheck: false,
      // better-auth checks its tables on PostgreSQL through db.connection(),
      // which a Kysely transaction does not offer; an instance over the
      // process database still checks them.
      database: { validateSchema: !(db.isTransaction && databaseKind(db) === "postgres") },
    },
    logger: {
      level: "warn",
      // Messages only: the extra arguments can hold request bodies.
      log: (level, message) => logger[level]({ source: "better-auth" }, message),
    },
    telemetry: { enabled: false },
    plugins: [
      username(),
      // Ban (停用), role changes and password resets; only the "admin" role
      // may call its endpoints. nextCookies must stay last.
      admin({ defaultRole: "viewer", bannedUserMessage: "该账号已停用，请联系管理员" }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const authByDb = new WeakMap<Db, Auth>();

/** Returns the better-auth instance of `db`, built once per database handle. */
export function getAuth(db: Db): Auth {
  let auth = authByDb.get(db);
  if (!auth) {
    auth = createAuth(db);
    authByDb.set(db, auth);
  }
  return auth;
}
