import { type Browser, expect, test } from "@playwright/test";

import { ACCOUNTS, signIn, storageStateOf } from "./accounts";

const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation");

/** The id of a client not managed by the demo account manager, looked up as finance. */
async function otherManagersClientId(browser: Browser): Promise<string> {
  const context = await browser.newContext({ storageState: storageStateOf("finance") });
  const page = await context.newPage();
  await page.goto("/clients");
  const row = page.getByRole("row").filter({ has: page.getByRole("link") }).filter({ hasNotText: ACCOUNTS.accountManager.name }).first();
  const href = await row.getByRole("link").first().getAttribute("href");
  await context.close();
  const id = /\/clients\/(\d+)/.exec(href ?? "")?.[1];
  expect(id, "a client of another manager").toBeTruthy();
  return id!;
}

test.describe("signed out", () => {
  test("a page sends to sign-in and back", async ({ page }) => {
    await page.goto("/reminders?horizonDays=30");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Freminders%3FhorizonDays%3D30$/);

    await signIn(page, ACCOUNTS.finance.email, ACCOUNTS.finance.password);
    await expect(page).toHaveURL(/\/reminders\?horizonDays=30$/);
    await expect(nav(page)).toContainText(ACCOUNTS.finance.name);
    await expect(nav(page)).toContainText("财务");

    await nav(page).getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wrong password and an unknown user get one message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("用户名或邮箱").fill(ACCOUNTS.admin.username);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("用户名或密码错误")).toBeVisible();
    await expect(page.getByLabel("密码")).toHaveValue("");

    await page.getByLabel("用户名或邮箱").fill("nobody@example.com");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("用户名或密码错误")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await page.context().cookies()).toEqual([]);
  });

  test("responses carry the security headers", async ({ request }) => {
    const response = await request.get("/sign-in");
    const headers = response.headers();

    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
  });

  test("procedures answer 401 without a session", async ({ request }) => {
    const response = await request.get(`/api/trpc/clients.list?input=${encodeURIComponent("{}")}`);

    expect(response.status()).toBe(401);
  });
});

test.describe("finance", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("records payments but cannot open the settings", async ({ page }) => {
    await page.goto("/");
    await expect(nav(page).getByRole("link", { name: "登记回款" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "登记回款" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "系统设置" })).toHaveCount(0);

    const response = await page.goto("/settings");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "您没有权限访问此页面" })).toBeVisible();
  });

  test("a procedure call from another site is rejected", async ({ page }) => {
    await page.goto("/");
    const response = await page.request.post("/api/trpc/settings.addStaff", {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      data: { name: "跨站添加" },
    });

    expect(response.status()).toBe(403);
  });
});

test.describe("account manager", () => {
  test.use({ storageState: storageStateOf("accountManager") });

  test("sees only their own clients", async ({ page }) => {
    await page.goto("/clients");
    const rows = page.getByRole("row").filter({ has: page.getByRole("link") });
    await expect(rows.first()).toBeVisible();
    const managers = await rows.evaluateAll((elements) => elements.map((row) => row.textContent ?? ""));
    expect(managers.every((text) => text.includes("王丽娜"))).toBe(true);
    await expect(page.getByRole("link", { name: "新增客户" })).toBeVisible();
  });

  test("cannot record payments", async ({ page }) => {
    await page.goto("/clients");
    await page.getByRole("row").filter({ has: page.getByRole("link") }).first().getByRole("link").first().click();
    await expect(page.getByRole("link", { name: "新增合同" })).toBeVisible();
    await expect(page.getByRole("link", { name: "登记回款" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "冲销" })).toHaveCount(0);

    const response = await page.goto("/payments/new");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "您没有权限访问此页面" })).toBeVisible();
  });

  test("gets 404 for another manager's client", async ({ page, browser }) => {
    const clientId = await otherManagersClientId(browser);

    const response = await page.goto(`/clients/${clientId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(/不存在/).first()).toBeVisible();

    const letter = await page.request.get(`/documents/collection-letter/${clientId}`);
    expect(letter.status()).toBe(404);
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("reads reports and client pages without changing anything", async ({ page }) => {
    await page.goto("/reports/summary");
    await expect(page.getByRole("heading", { level: 1, name: "回款统计" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "登记回款" })).toHaveCount(0);

    await page.goto("/clients");
    await page.getByRole("row").filter({ has: page.getByRole("link") }).first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/clients\/\d+/);
    await expect(page.getByRole("link", { name: "编辑", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "登记回款" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "下载催款函" })).toHaveCount(0);
  });

  test("cannot open the payment form", async ({ page }) => {
    const response = await page.goto("/payments/new");

    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "您没有权限访问此页面" })).toBeVisible();
  });
});

test.describe("administrator", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates, then disables an account", async ({ page, browser }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: "账号与权限" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "账号与权限" })).toBeVisible();

    await page.getByLabel("姓名").fill("E2E测试员");
    await page.getByLabel("用户名").fill("e2e.viewer");
    await page.getByLabel("邮箱").fill("e2e.viewer@example.com");
    await page.getByLabel("角色").selectOption({ label: "只读" });
    await page.getByLabel("初始密码").fill("e2e-password-1");
    await page.getByLabel("再次输入密码").fill("e2e-password-2");
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByText("两次输入的密码不一致").first()).toBeVisible();
    await expect(page.getByLabel("用户名")).toHaveValue("e2e.viewer");
    await expect(page.getByLabel("初始密码")).toHaveValue("");

    await page.getByLabel("初始密码").fill("e2e-password-1");
    await page.getByLabel("再次输入密码").fill("e2e-password-1");
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByText("账号已创建")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "e2e.viewer" });
    await expect(row).toContainText("只读");

    // A context of its own, signed out: newContext() would inherit the admin's cookies.
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const newUser = await other.newPage();
    await signIn(newUser, "e2e.viewer", "e2e-password-1");
    await expect(newUser.getByRole("navigation")).toContainText("E2E测试员");

    await row.getByRole("link", { name: "修改" }).click();
    await page.getByRole("button", { name: "停用账号" }).click();
    await expect(page.getByText("账号已停用。")).toBeVisible();

    await newUser.reload();
    await expect(newUser).toHaveURL(/\/sign-in/);
    await newUser.getByLabel("用户名或邮箱").fill("e2e.viewer");
    await newUser.getByLabel("密码").fill("e2e-password-1");
    await newUser.getByRole("button", { name: "登录" }).click();
    await expect(newUser.getByText("该账号已停用，请联系管理员")).toBeVisible();
    await other.close();
  });
});
