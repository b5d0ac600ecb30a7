/**
 * One account per role for the demo agency, documented in the README under
 * "Demo accounts". The passwords are public: they exist so people can try
 * the roles, and a real installation creates its own accounts.
 */

import type { Db } from "..";
import { getAuth } from "../../server/auth";
import type { Role } from "../../server/permissions";
import { createUser } from "../../server/services/users";
import { DEMO_STAFF } from "./demo-catalog";

export interface DemoUser {
  username: string;
  name: string;
  email: string;
  role: Role;
  password: string;
  /** Name of the demo staff member an account manager is. */
  staffName: string | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "admin", name: "系统管理员", email: "admin@example.com", role: "admin", password: "demo-admin-2026", staffName: null },
  { username: "finance", name: "周洁", email: "finance@example.com", role: "finance", password: "demo-finance-2026", staffName: null },
  {
    username: "wanglina",
    name: DEMO_STAFF[0]!.name,
    email: "wanglina@example.com",
    role: "account_manager",
    password: "demo-manager-2026",
    staffName: DEMO_STAFF[0]!.name,
  },
  { username: "viewer", name: "访客", email: "viewer@example.com", role: "viewer", password: "demo-viewer-2026", staffName: null },
];

/**
 * Creates the demo accounts whose usernames are not taken yet, through
 * better-auth like any account. Returns how many were created.
 */
export async function seedDemoUsers(db: Db): Promise<number> {
  const auth = getAuth(db);
  let created = 0;
  for (const user of DEMO_USERS) {
    const taken = await db.selectFrom("user").select("id").where("username", "=", user.username).executeTakeFirst();
    if (taken) continue;

    const staff = user.staffName
      ? await db.selectFrom("staff").select("id").where("name", "=", user.staffName).executeTakeFirstOrThrow()
      : null;
    await createUser(auth, db, {
      name: user.name,
      username: user.username,
      email: user.email,
      role: user.role,
      password: user.password,
      staffId: staff?.id ?? null,
    });
    created += 1;
  }
  return created;
}
