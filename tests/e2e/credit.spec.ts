import { expect, test } from "@playwright/test";

import { storageStateOf } from "./accounts";

test.use({ storageState: storageStateOf("admin") });

test("blacklisted client needs an override", async ({ page }) => {
  await page.goto("/settings");
  const blacklist = page.locator("#rewards");
  const client = blacklist.getByRole("row").nth(1).getByRole("link");
  const name = (await client.textContent()) ?? "";
  await client.click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.locator("#credit")).toContainText("已列入拒绝合作名单");

  await page.getByRole("link", { name: "新增合同" }).click();
  await expect(page.getByText("信用提示")).toBeVisible();
  await expect(page.getByLabel("放行原因（管理员填写）")).toBeVisible();
});

test("credit limit shows on the client page", async ({ page }) => {
  await page.goto("/clients");
  await page.getByRole("row").filter({ has: page.getByRole("link") }).first().getByRole("link").first().click();
  const credit = page.locator("#credit");
  await credit.getByText("修改信用额度").click();
  await credit.getByLabel("信用额度（元）").fill("12345.67");
  await credit.getByRole("button", { name: "保存额度" }).click();

  await expect(page.getByText("信用额度已保存。")).toBeVisible();
  await expect(page.locator("#credit")).toContainText("¥12,345.67");
});

test("bad credit limit is rejected in Chinese", async ({ page }) => {
  await page.goto("/clients");
  await page.getByRole("row").filter({ has: page.getByRole("link") }).first().getByRole("link").first().click();
  const credit = page.locator("#credit");
  await credit.getByText("修改信用额度").click();
  await credit.getByLabel("信用额度（元）").fill("十万");
  await credit.getByRole("button", { name: "保存额度" }).click();

  await expect(credit.getByText("信用额度 \"十万\" 不是有效金额").first()).toBeVisible();
});
