import { expect, test } from "@playwright/test";

import { storageStateOf } from "./accounts";

// The server runs with HUIKUAN_TODAY=2026-12-04. The client is a demo client of
// the account manager 王丽娜 (db/seed/demo-contracts.ts).
const CLIENT = "南京秦淮人家餐饮有限公司";
const PERSON = "E2E·财务刘会计";

test.use({ storageState: storageStateOf("accountManager") });

test("promise logged, listed, then broken", async ({ page }) => {
  await page.goto("/clients");
  await page.getByRole("link", { name: CLIENT }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: CLIENT })).toBeVisible();
  const clientId = /\/clients\/(\d+)/.exec(page.url())?.[1];
  expect(clientId).toBeTruthy();

  // A call today in which the client promises ¥1,234.56 by 12-10, to follow up today.
  const form = page.getByRole("form", { name: "记录催收" });
  await form.getByLabel("联系方式").selectOption("电话");
  await form.getByLabel("联系对象").fill(PERSON);
  await form.getByLabel("沟通结果").fill("对方答应 12 月 10 日前先付一部分");
  await form.getByLabel("下次跟进日期").fill("2026-12-04");
  await form.getByLabel("承诺金额（元）").fill("1234.56");
  await form.getByLabel("承诺付款日期").fill("2026-12-10");
  await form.getByRole("button", { name: "保存催收记录" }).click();

  await expect(page.getByText("催收记录已保存。")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: PERSON }).first()).toBeVisible();
  const promiseRow = page.getByRole("row").filter({ hasText: "2026-12-10" }).filter({ hasText: "¥1,234.56" }).first();
  await expect(promiseRow).toContainText("待兑现");

  // Today the client is on the worklist with the follow-up due.
  await page.getByRole("link", { name: "今日待办" }).click();
  const row = page.getByTestId(`worklist-client-${clientId}`);
  await expect(row).toContainText("今日跟进");
  await expect(row).not.toContainText("承诺未兑现");

  // On 12-11 nothing has been paid towards the promise and no contact was logged since, so it is broken.
  await page.getByLabel("截止日期").fill("2026-12-11");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/asOf=2026-12-11/);
  // Earlier runs against the same database add their own broken promises, so the shortfall is not checked here.
  await expect(row).toContainText("承诺未兑现");

  // The client page flags it as of that date.
  await row.getByRole("link", { name: CLIENT }).click();
  await page.goto(`/clients/${clientId}?asOf=2026-12-11`);
  await expect(page.getByText("承诺未兑现：")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "2026-12-10" }).filter({ hasText: "¥1,234.56" }).first()).toContainText("未兑现");
});
