import { forbidden, redirect } from "next/navigation";

import { currentUser } from "../../server/context";
import { canCall, canSeeCosts, type ClientScope, clientScope } from "../../server/permissions";
import type { SessionUser } from "../../server/session";

/**
 * What the signed-in user may do, for pages to show only the links and
 * buttons that work. The procedures enforce the same table
 * (server/permissions.ts) whatever a page shows.
 */
export interface Access {
  user: SessionUser;
  /** Whether the user may call the procedure at `path`, e.g. "payments.record". */
  can(path: string): boolean;
  /** Whether the user sees contract costs. */
  seesCosts: boolean;
  /** The clients the user works with; account managers only their own. */
  scope: ClientScope;
}

/**
 * Staff members a user may pick as a client's account manager: an account
 * manager only themselves, since their clients stay theirs.
 */
export function assignableStaff<T extends { id: number }>(staff: readonly T[], user: Access): readonly T[] {
  const own = user.scope.accountManagerId;
  return own === null ? staff : staff.filter((person) => person.id === own);
}

/** The signed-in user's access; redirects to /sign-in when there is none. */
export async function access(): Promise<Access> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return {
    user,
    can: (path) => canCall(user.role, path),
    seesCosts: canSeeCosts(user.role),
    // An account manager not linked to a staff member works with no client
    // (the procedures refuse them); -1 matches no staff id.
    scope: user.role === "account_manager" && user.staffId === null ? { accountManagerId: -1 } : clientScope(user),
  };
}

/**
 * The signed-in user's access when every procedure in `paths` is allowed,
 * else the 403 page: for pages whose purpose is one of those calls, such as
 * the payment form.
 */
export async function requireAccess(...paths: string[]): Promise<Access> {
  const result = await access();
  if (!paths.every((path) => result.can(path))) forbidden();
  return result;
}
