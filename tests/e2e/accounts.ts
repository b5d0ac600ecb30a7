import path from "node:path";

import { expect, type Page } from "@playwright/test";

/**
 * The demo accounts of db/seed/demo-users.ts (and the README), repeated
 * here because Playwright cannot load the server modules.
 */
export const ACCOUNTS = {
  admin: { username: "admin", email: "admin@example.com", password: "demo-admin-2026", name: "系统管理员" },
  finance: { username: "finance", email: "finance@example.com", password: "demo-finance-2026", name: "周洁" },
  accountManager: { username: "wanglina", email: "wanglina@example.com", password: "demo-manager-2026", name: "王丽娜" },
  viewer: { username: "viewer", email: "viewer@example.com", password: "demo-viewer-2026", name: "访客" },
} as const;

export type AccountName = keyof typeof ACCOUNTS;

/** Where auth.setup.ts stores each account's signed-in browser state. */
export function storageStateOf(account: AccountName): string {
  return path.join(__dirname, "..", "..", "data", "e2e-auth", `${account}.json`);
}

/** Signs in on the sign-in page with a username or e-mail address and waits to leave it. */
export async function signIn(page: Page, identifier: string, password: string): Promise<void> {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("用户名或邮箱").fill(identifier);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
