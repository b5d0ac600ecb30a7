import { describe, expect, it } from "vitest";

import { excelSerialToDate, parseAmountCell, parseDateCell } from "../../server/import/cells";
import { automaticMapping, findHeaderRow } from "../../server/import/fields";

describe("excelSerialToDate", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [46027, "2026-01-05"],
    [46027.75, "2026-01-05"],
  ])("serial %d is %s", (serial, date) => {
    expect(excelSerialToDate(serial)).toEqual({ ok: true, value: date });
  });

  it("rejects 1900-02-29", () => {
    const result = excelSerialToDate(60);
    expect(result.ok).toBe(false);
  });

  it.each([0, -1, 2_958_466, Number.NaN])("rejects serial %d", (serial) => {
    expect(excelSerialToDate(serial).ok).toBe(false);
  });
});

describe("parseDateCell", () => {
  it.each([
    ["2026-01-05", "2026-01-05"],
    ["2026/1/5", "2026-01-05"],
    ["2026.1.5", "2026-01-05"],
    ["2026年1月5日", "2026-01-05"],
    [" 2026年01月05日 ", "2026-01-05"],
    ["２０２６－０１－０５", "2026-01-05"],
    ["2026-01-05 00:00:00", "2026-01-05"],
    ["20260105", "2026-01-05"],
    ["46027", "2026-01-05"],
  ])("reads %j", (text, date) => {
    expect(parseDateCell(text, "ymd")).toEqual({ ok: true, value: date });
  });

  it("reads an exceljs Date as its UTC calendar day", () => {
    // exceljs builds dates at UTC midnight; in UTC+8 local time it is 08:00 of the same day.
    expect(parseDateCell(new Date(Date.UTC(2026, 0, 5)), "ymd")).toEqual({ ok: true, value: "2026-01-05" });
  });

  it("reads a serial number cell", () => {
    expect(parseDateCell(46027, "ymd")).toEqual({ ok: true, value: "2026-01-05" });
  });

  it("reads month/day/year when asked", () => {
    expect(parseDateCell("1/5/2026", "mdy")).toEqual({ ok: true, value: "2026-01-05" });
  });

  it("rejects month/day/year by default", () => {
    const result = parseDateCell("1/5/2026", "ymd");
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problem).toContain("月/日/年");
  });

  it.each(["2026-02-30", "2026/13/1", "明天", "2026-1", ""])("rejects %j", (text) => {
    expect(parseDateCell(text, "ymd").ok).toBe(false);
  });
});

describe("parseAmountCell", () => {
  it.each([
    ["1234.5", 123450],
    ["¥1,234.56", 123456],
    ["￥ 1,234.56 ", 123456],
    ["1,234元", 123400],
    ["１，２３４．５６", 123456],
    ["(1,234.56)", -123456],
    ["（500）", -50000],
    ["-12.3", -1230],
    ["0.01", 1],
    ["0", 0],
    ["10000000000", 1_000_000_000_000],
  ])("reads %j as %i fen", (text, fen) => {
    expect(parseAmountCell(text)).toEqual({ ok: true, value: fen });
  });

  it.each([
    [1234.5, 123450],
    [0.1 + 0.2 - 0.3 + 19.99, 1999],
    [-7, -700],
    [12345678.9, 1234567890],
  ])("reads number %d as %i fen", (value, fen) => {
    expect(parseAmountCell(value)).toEqual({ ok: true, value: fen });
  });

  it.each(["1,2,3", "12,34.5", "1.234,5", "abc", "1e3", "¥", "5.", "10000000000.01"])("rejects %j", (text) => {
    expect(parseAmountCell(text).ok).toBe(false);
  });

  it("rejects three decimals", () => {
    const result = parseAmountCell("1.234");
    expect(result.ok ? "" : result.problem).toContain("两位小数");
  });

  it("rejects float noise in a number cell", () => {
    expect(parseAmountCell(0.1 + 0.2).ok).toBe(false);
  });
});

describe("header row", () => {
  const row = (number: number, cells: (string | null)[]) => ({ number, cells });

  it("skips a title row and fills merged header cells", () => {
    const header = findHeaderRow("contracts", [
      row(1, ["2026 年应收账款台账", null, null, null, null]),
      row(2, ["客户名称", "合同编号", "合同信息", null, "回款情况"]),
      row(3, [null, null, "合同金额", "到期日", "已回款"]),
    ]);

    expect(header).toEqual({ number: 3, headers: ["客户名称", "合同编号", "合同金额", "到期日", "已回款"] });
  });

  it("returns null without known columns", () => {
    expect(findHeaderRow("contracts", [row(1, ["甲", "乙"])])).toBeNull();
  });

  it("matches synonyms automatically", () => {
    const mapping = automaticMapping("contracts", ["单位名称", "合同号", "应收金额（元）", "已收", "约定付款日", "签约日期", "到账日期", "客户经理"]);

    expect(mapping).toEqual({
      clientName: "单位名称",
      contractNo: "合同号",
      totalAmount: "应收金额（元）",
      collectedAmount: "已收",
      dueDate: "约定付款日",
      signedOn: "签约日期",
      paidOn: "到账日期",
      manager: "客户经理",
    });
  });
});
