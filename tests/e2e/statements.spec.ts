import { expect, test } from "@playwright/test";

import { storageStateOf } from "./accounts";

test.use({ storageState: storageStateOf("admin") });

test("statement previews and issues a PDF", async ({ page }) => {
  await page.goto("/documents/statement");
  const clientValue = await page.locator('select[name="clientId"] option').nth(1).getAttribute("value");
  await page.goto(`/documents/statement?clientId=${clientValue}&from=2026-01-01&to=2026-11-30&asOf=2026-12-04`);
  await expect(page.getByText("期末余额")).toBeVisible();

  const preview = await page.request.get(`/documents/statement/pdf?clientId=${clientValue}&from=2026-01-01&to=2026-11-30&asOf=2026-12-04`);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  expect(preview.headers()["content-disposition"]).toMatch(/^inline;/);
  expect((await preview.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "出具并下载" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^对账单_.+_2026年12月4日\.pdf$/);
});

test("statement rejects a reversed period", async ({ page }) => {
  await page.goto("/documents/statement");
  const clientValue = await page.locator('select[name="clientId"] option').nth(1).getAttribute("value");
  await page.goto(`/documents/statement?clientId=${clientValue}&from=2026-11-30&to=2026-11-01`);

  await expect(page.getByRole("alert").filter({ hasText: "对账期间" })).toContainText("对账期间的开始日期 2026-11-30 晚于结束日期 2026-11-01");
});

test("situation preview names a bad part", async ({ page }) => {
  await page.goto("/documents/situation?kind=summary&from=2026-11-01&to=2026-11-30&top=3");
  await expect(page.getByLabel("二、事实")).toContainText("公司共收到客户回款");

  const response = await page.request.post("/documents/situation/preview", {
    multipart: { kind: "situation_summary", clientId: "", addressee: "", facts: "事实", summary: "总结", signatory: "星海", date: "2026-12-04" },
  });

  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("请填写称谓");
});

test("situation previews the edited text and issues it", async ({ page }) => {
  await page.goto("/documents/situation?kind=summary&from=2026-11-01&to=2026-11-30&top=3");
  await page.getByLabel("三、总结").fill("综上，截图测试用的汇总说明。");

  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith("/documents/situation/preview") && candidate.request().method() === "POST"),
    page.getByRole("button", { name: "预览", exact: true }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "出具并下载" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^情况说明_2026年11月30日\.pdf$/);
});
