import { type Auth, SESSION_MAX_AGE_SECONDS } from "./auth";
import { logger } from "./logger";
import { isRole, type Role } from "./permissions";

/** The signed-in user as procedures see it. */
export interface SessionUser {
  /** better-auth's user id. */
  id: string;
  name: string;
  role: Role;
  /** The staff member (业务员) an account manager is; null for other roles. */
  staffId: number | null;
}

/**
 * Reads the signed-in user from the session cookie in `headers`, or returns
 * null when there is none, it expired, the user is disabled (停用) or has a
 * role this app does not know. better-auth ends sessions idle for
 * SESSION_IDLE_SECONDS; this also ends any older than SESSION_MAX_AGE_SECONDS.
 */
export async function sessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;

  const { user } = session;
  const ageSeconds = (Date.now() - session.session.createdAt.getTime()) / 1000;
  if (ageSeconds > SESSION_MAX_AGE_SECONDS) {
    const context = await auth.$context;
    await context.internalAdapter.deleteSession(session.session.token);
    logger.info({ userId: user.id }, "session ended after its maximum age");
    return null;
  }
  if (user.banned) return null;
  if (!isRole(user.role)) {
    logger.warn({ userId: user.id, role: user.role }, "user has an unknown role; treated as signed out");
    return null;
  }

  return {
    id: user.id,
    name: user.name,
    role: user.role,
    staffId: typeof user.staffId === "number" ? user.staffId : null,
  };
}
