import fs from "node:fs";

import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";

import { storageStateOf } from "./accounts";

test.use({ storageState: storageStateOf("finance") });

const AGING_PATH = "/reports/aging?asOf=2026-11-30";

test("aging downloads as xlsx", async ({ page }) => {
  await page.goto(AGING_PATH);
  const pageTotal = await page.locator("tfoot tr").first().locator("td").last().innerText();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 Excel" }).click(),
  ]);

  expect(download.suggestedFilename()).toBe("账龄分析_2026年11月30日.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["账龄分析", "各账龄段占比", "说明"]);
  const sheet = book.getWorksheet("账龄分析")!;
  expect(sheet.getCell("A1").value).toBe("客户");
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

  const totalCell = sheet.getRow(sheet.rowCount).getCell(sheet.columnCount);
  expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe("合计");
  expect(totalCell.type).toBe(ExcelJS.ValueType.Number);
  expect(totalCell.numFmt).toBe("#,##0.00");
  // The page shows ¥1,234.56; the cell contains 1234.56.
  expect(Number(pageTotal.replace(/[¥,\s]/g, ""))).toBe(totalCell.value);
  expect(book.getWorksheet("说明")!.getCell("A2").value).toBe("截止日期：2026年11月30日");
});

test("aging downloads as CSV", async ({ page }) => {
  await page.goto(AGING_PATH);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 CSV" }).click(),
  ]);

  expect(download.suggestedFilename()).toBe("账龄分析_2026年11月30日.csv");
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0]).toMatch(/^客户,业务员,未到期,.*,未收合计$/);
  const total = lines.find((line) => line.startsWith("合计,"))!;
  expect(total.split(",").at(-1)).toMatch(/^\d+\.\d{2}$/);
});

test("export with a bad date shows the reason", async ({ page }) => {
  const response = await page.goto("/export/aging?format=xlsx&asOf=2026-02-30");

  expect(response?.status()).toBe(400);
  await expect(page.getByText('截止日期 "2026-02-30" 不是有效日期')).toBeVisible();
});
