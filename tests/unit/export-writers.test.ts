import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";

import { writeCsv } from "../../server/export/csv";
import { assertSheetName, displayWidth, fenToYuanText, type Workbook } from "../../server/export/sheet";
import { writeXlsx } from "../../server/export/xlsx";

const ORIGINAL_TZ = process.env.TZ;

afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

function sampleWorkbook(): Workbook {
  return {
    title: "账龄分析",
    notes: ["截止日期：2026年12月4日", "账龄按逾期天数分段"],
    sheets: [
      {
        name: "按客户",
        columns: [
          { header: "客户", type: "text" },
          { header: "到期日", type: "date" },
          { header: "月份", type: "month" },
          { header: "笔数", type: "integer" },
          { header: "未收金额", type: "money" },
          { header: "按时付款比例", type: "percent" },
          { header: "加权逾期天数", type: "days", decimals: 1 },
        ],
        rows: [
          ["上海星河广告有限公司", "2026-01-01", "2026-02", 3, 123456789, 0.875, 12.25],
          ["=HYPERLINK(\"http://x\",\"点我\")", "2026-12-31", "2026-12", 1, -5, 0, 0],
          ["带,逗号和\"引号\"\n换行", null, null, null, 1, null, null],
        ],
        totals: ["合计", null, null, 4, 123456785, null, null],
        annotations: [null, "春节假期", null],
        notes: ["只列出前 3 行"],
      },
      {
        name: "第二张",
        columns: [{ header: "金额", type: "money" }],
        rows: [[1]],
      },
    ],
  };
}

async function readXlsx(workbook: Workbook): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await writeXlsx(workbook)) as unknown as ArrayBuffer);
  return book;
}

describe("writeXlsx", () => {
  it("names sheets and adds 说明", async () => {
    const book = await readXlsx(sampleWorkbook());

    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["按客户", "第二张", "说明"]);
    const notes = book.getWorksheet("说明")!;
    expect(notes.getCell("A1").value).toBe("账龄分析");
    expect(notes.getCell("A2").value).toBe("截止日期：2026年12月4日");
    expect(notes.getCell("A3").value).toBe("账龄按逾期天数分段");
  });

  it("freezes and bolds the header", async () => {
    const sheet = (await readXlsx(sampleWorkbook())).getWorksheet("按客户")!;

    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("A1").value).toBe("客户");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("G1").value).toBe("加权逾期天数");
  });

  it("writes money as yuan numbers", async () => {
    const sheet = (await readXlsx(sampleWorkbook())).getWorksheet("按客户")!;

    expect(sheet.getCell("E2").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("E2").value).toBe(1234567.89);
    expect(sheet.getCell("E2").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("E3").value).toBe(-0.05);
    expect(sheet.getCell("E4").value).toBe(0.01);
  });

  it("writes every fen amount exactly", async () => {
    const amounts = [1, 10, 99, 101, 29, 57, 1005, 100_000_000_007, 999_999_999_999];
    const book = await readXlsx({
      title: "金额",
      notes: [],
      sheets: [{ name: "金额", columns: [{ header: "金额", type: "money" }], rows: amounts.map((fen) => [fen]) }],
    });
    const sheet = book.getWorksheet("金额")!;

    amounts.forEach((fen, index) => {
      const value = sheet.getCell(index + 2, 1).value as number;
      expect(String(value)).toBe(fenToYuanText(fen).replace(/\.?0+$/, ""));
    });
  });

  it("writes integers, percents and days as numbers", async () => {
    const sheet = (await readXlsx(sampleWorkbook())).getWorksheet("按客户")!;

    expect(sheet.getCell("D2").value).toBe(3);
    expect(sheet.getCell("D2").numFmt).toBe("0");
    expect(sheet.getCell("F2").value).toBe(0.875);
    expect(sheet.getCell("F2").numFmt).toBe("0.0%");
    expect(sheet.getCell("G2").value).toBe(12.25);
    expect(sheet.getCell("G2").numFmt).toBe("0.0");
  });

  it("keeps formula text as a string", async () => {
    const sheet = (await readXlsx(sampleWorkbook())).getWorksheet("按客户")!;

    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A3").value).toBe("=HYPERLINK(\"http://x\",\"点我\")");
  });

  it.each(["America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"])(
    "writes dates as calendar days in %s",
    async (timeZone) => {
      process.env.TZ = timeZone;
      expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);

      const sheet = (await readXlsx(sampleWorkbook())).getWorksheet("按客户")!;
      const due = sheet.getCell("B2");
      const month = sheet.getCell("C2");

      expect(due.type).toBe(ExcelJS.ValueType.Date);
      expect(due.numFmt).toBe("yyyy-mm-dd");
      expect((due.value as Date).toISOString()).toBe("2026-01-01T00:00:00.000Z");
      expect((sheet.getCell("B3").value as Date).toISOString()).toBe("2026-12-31T00:00:00.000Z");
      expect(month.numFmt).toBe("yyyy-mm");
      expect((month.value as Date).toISOString()).toBe("2026-02-01T00:00:00.000Z");
    },
  );

  it("stores dates as whole serial days", async () => {
    process.env.TZ = "America/Los_Angeles";
    const buffer = await writeXlsx(sampleWorkbook());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const date = book.getWorksheet("按客户")!.getCell("B2").value as Date;

    // Excel serial 46023 is 2026-01-01; a fraction would show another day or a time.
    expect(date.getTime() / 86_400_000 + 25_569).toBe(46_023);
  });

  it("bolds the totals row", async () => {
    const sheet = (await readXlsx(sampleWorkbook())).getWorksheet("按客户")!;

    expect(sheet.getCell("A5").value).toBe("合计");
    expect(sheet.getCell("A5").font?.bold).toBe(true);
    expect(sheet.getCell("E5").value).toBe(1234567.85);
    expect(sheet.getCell("E5").numFmt).toBe("#,##0.00");
  });

  it("adds notes and annotations", async () => {
    const sheet = (await readXlsx(sampleWorkbook())).getWorksheet("按客户")!;

    expect(sheet.getCell("A3").note).toBe("春节假期");
    expect(sheet.getCell("A6").value).toBeNull();
    expect(sheet.getCell("A7").value).toBe("只列出前 3 行");
    expect(sheet.getCell("A8").value).toBe("=HYPERLINK(\"http://x\",\"点我\")：春节假期");
  });

  it("sizes columns by display width", async () => {
    const sheet = (await readXlsx(sampleWorkbook())).getWorksheet("按客户")!;

    // 上海星河广告有限公司 is 10 CJK characters, 20 columns wide, plus padding.
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(22);
    expect(sheet.getColumn(4).width).toBe(8);
  });
});

describe("writeCsv", () => {
  const text = () => writeCsv(sampleWorkbook()).toString("utf8");

  it("starts with a BOM", () => {
    const bytes = writeCsv(sampleWorkbook());

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("ends lines with CRLF", () => {
    const body = text();

    expect(body.endsWith("\r\n")).toBe(true);
    expect(body.replace(/\r\n/g, "").includes("\r")).toBe(false);
  });

  it("writes the header and typed values", () => {
    const lines = text().slice(1).split("\r\n");

    expect(lines[0]).toBe("客户,到期日,月份,笔数,未收金额,按时付款比例,加权逾期天数");
    expect(lines[1]).toBe("上海星河广告有限公司,2026-01-01,2026-02,3,1234567.89,87.5%,12.3");
  });

  it("neutralises formulas in text", () => {
    const lines = text().split("\r\n");

    expect(lines[2]).toBe("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",2026-12-31,2026-12,1,-0.05,0.0%,0.0");
  });

  it("quotes commas, quotes and line breaks", () => {
    const body = text();

    expect(body).toContain('"带,逗号和""引号""\n换行",,,,0.01,,\r\n');
  });

  it("writes totals, notes and later sheets", () => {
    const lines = text().split("\r\n");

    expect(lines).toContain("合计,,,4,1234567.85,,");
    expect(lines).toContain("只列出前 3 行");
    expect(lines).toContain("【第二张】");
    expect(lines).toContain("【说明】");
    expect(lines).toContain("截止日期：2026年12月4日");
    expect(lines.indexOf("【第二张】")).toBeLessThan(lines.indexOf("【说明】"));
  });

  it("neutralises a negative number typed as text", () => {
    const body = writeCsv({
      title: "t",
      notes: ["-备注"],
      sheets: [{ name: "表", columns: [{ header: "电话", type: "text" }], rows: [["+86 21 1234"], ["@x"]] }],
    }).toString("utf8");

    expect(body).toContain("\r\n'+86 21 1234\r\n'@x\r\n");
    expect(body).toContain("\r\n'-备注\r\n");
  });
});

describe("sheet rules", () => {
  it.each(["", "a".repeat(32), "账龄[1]", "a:b", "a*b", "a?b", "a/b", "a\\b"])("rejects sheet name %j", (name) => {
    expect(() => assertSheetName(name)).toThrow(RangeError);
  });

  it("accepts a 31-character Chinese name", () => {
    expect(() => assertSheetName("账".repeat(31))).not.toThrow();
  });

  it("rejects a fractional fen amount", async () => {
    const workbook: Workbook = {
      title: "t",
      notes: [],
      sheets: [{ name: "表", columns: [{ header: "金额", type: "money" }], rows: [[1.5]] }],
    };

    await expect(writeXlsx(workbook)).rejects.toThrow();
    expect(() => writeCsv(workbook)).toThrow();
  });

  it("rejects a reserved sheet name", () => {
    const workbook: Workbook = { title: "t", notes: [], sheets: [{ name: "说明", columns: [], rows: [] }] };

    expect(() => writeCsv(workbook)).toThrow(/reserved/);
  });

  it("counts CJK characters double", () => {
    expect(displayWidth("回款abc")).toBe(7);
    expect(displayWidth("（）")).toBe(4);
  });

  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [123456, "1234.56"],
    [999_999_999_999, "9999999999.99"],
  ])("formats %i fen as %s", (fen, expected) => {
    expect(fenToYuanText(fen)).toBe(expected);
  });
});
