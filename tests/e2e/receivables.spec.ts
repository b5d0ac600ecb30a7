import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { storageStateOf } from "./accounts";

// The server runs with HUIKUAN_TODAY=2026-12-04 (playwright.config.ts).
const CLIENT = "E2E测试·晨星文化传播有限公司";
const CONTRACT_NO = "E2E-2026-001";

// Finance records clients, contracts and payments.
test.use({ storageState: storageStateOf("finance") });

function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
}

test("client to collection letter", async ({ page }) => {
  await page.goto("/clients/new");
  await page.getByLabel("客户名称").fill(CLIENT);
  await page.getByLabel("联系人").fill("刘女士");
  await page.getByLabel("联系电话").fill("13912345678");
  await page.getByRole("button", { name: "保存客户" }).click();
  await expect(page.getByRole("heading", { level: 1, name: CLIENT })).toBeVisible();
  const clientId = /\/clients\/(\d+)/.exec(page.url())?.[1];
  expect(clientId).toBeTruthy();

  // A contract of ¥120,000.00 on the 30/40/30 plan: 36,000 due on signing
  // (09-01), 48,000 on going live (09-15), 36,000 at close-out (10-31).
  await page.getByRole("link", { name: "新增合同" }).click();
  await page.getByLabel("合同编号").fill(CONTRACT_NO);
  await page.getByLabel("业务类型").selectOption({ label: "户外广告" });
  await page.getByLabel("合同内容 / 项目名称").fill("南京西路户外大牌投放（2个月）");
  await page.getByLabel("签订日期").fill("2026-09-01");
  await page.getByLabel("服务（发布）期开始").fill("2026-09-15");
  await page.getByLabel("服务（发布）期结束").fill("2026-10-31");
  await page.getByLabel("合同金额（元）").fill("120000");
  await page.getByRole("button", { name: "30/40/30（签约/上刊/结案）" }).click();
  await expect(page.getByLabel("第3期金额")).toHaveValue("36000.00");
  await page.getByRole("button", { name: "保存合同" }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}`));
  await expect(page.getByText(CONTRACT_NO).first()).toBeVisible();

  // ¥50,000.00 received on 09-05 pays the first installment and 14,000 of the second.
  await page.goto(`/payments/new?clientId=${clientId}`);
  await page.getByLabel("收款日期").fill("2026-09-05");
  await page.getByLabel("收款金额（元）").fill("50000");
  await page.getByLabel("银行流水号").fill("E2E-BANK-0905");
  await page.getByRole("button", { name: "登记回款" }).click();
  await expect(page).toHaveURL(/\/payments\/\d+/);
  await expect(page.getByText("¥36,000.00").first()).toBeVisible();
  await expect(page.getByText("¥14,000.00").first()).toBeVisible();

  // Still due: 34,000 (due 09-15, 80 days late) + 36,000 (due 10-31).
  await page.goto("/reminders");
  const row = page.getByRole("row").filter({ hasText: CLIENT });
  await expect(row).toContainText("¥70,000.00");
  await expect(row).toContainText("80 天");
  await expect(row).toContainText("2026-09-15");

  // 80 days overdue and no earlier letter: the suggested level is 催款函.
  await row.getByRole("link", { name: "发函" }).click();
  await expect(page.getByRole("radio", { name: /^催款函/ })).toBeChecked();
  await page.getByRole("button", { name: "出具并登记" }).click();
  await expect(page.getByText("函件已出具并登记")).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 PDF" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`催款函_${CLIENT}_2026年12月4日.pdf`);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-e2e-")), "letter.pdf");
  await download.saveAs(file);
  const text = pdfText(file);
  expect(text).toContain("催款函");
  expect(text).toContain(`${CLIENT}：`);
  expect(text).toContain(CONTRACT_NO);
  expect(text).toContain("¥70,000.00");
  expect(text).toContain("人民币柒万元整");
  expect(text).toContain("2026年12月4日");
  expect(text).toContain("特此函告");
  expect(text).toMatch(/〔2026〕催字第\d{3}号/);

  // Every change above is in the audit trail, newest first.
  await page.goto("/audit");
  const log = page.getByRole("table");
  await expect(log).toContainText("新增客户");
  await expect(log).toContainText("新增合同");
  await expect(log).toContainText("登记回款");
  await expect(log).toContainText(CONTRACT_NO);
});

test("bad payment amount keeps the form", async ({ page }) => {
  await page.goto("/clients");
  await page.getByRole("link", { name: CLIENT }).click();
  await page.waitForURL(/\/clients\/\d+/);
  const clientId = /\/clients\/(\d+)/.exec(page.url())?.[1];

  await page.goto(`/payments/new?clientId=${clientId}`);
  await page.getByLabel("收款金额（元）").fill("12,3.4");
  await page.getByLabel("银行流水号").fill("KEEP-ME");
  await page.getByRole("button", { name: "登记回款" }).click();
  await expect(page.getByText(/收款金额 "12,3.4" 不是有效金额/).first()).toBeVisible();
  await expect(page.getByLabel("银行流水号")).toHaveValue("KEEP-ME");
});

test("unknown client shows Chinese 404", async ({ page }) => {
  const response = await page.goto("/clients/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/不存在|找不到/).first()).toBeVisible();
});
