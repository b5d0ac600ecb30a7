import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { EXPORTS } from "../../app/export/registry";
import type { Db } from "../../db";
import { writeXlsx } from "../../server/export/xlsx";
import { detectCsvEncoding } from "../../server/import/readers";
import { removeExpiredUploads, UPLOAD_TTL_MS } from "../../server/import/uploads";
import { dayNumber, expectedAging, expectedMonthlyRevenue, expectedSpeed, IBM_CSV_FILE, readIbmInvoices } from "../support/ibm-expected";
import { type Caller, createTestContext, type TestContext } from "../support/context";

const TODAY = "2026-12-04";
let directory = "";
let uploadDirectoryBefore: string | undefined;

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-import-test-"));
  uploadDirectoryBefore = process.env.HUIKUAN_IMPORT_DIR;
  process.env.HUIKUAN_IMPORT_DIR = path.join(directory, "uploads");
});

afterAll(() => {
  if (uploadDirectoryBefore === undefined) delete process.env.HUIKUAN_IMPORT_DIR;
  else process.env.HUIKUAN_IMPORT_DIR = uploadDirectoryBefore;
  fs.rmSync(directory, { recursive: true, force: true });
});

type Entity = "contracts" | "payments" | "clients" | "costs";

/** Uploads a file and returns the inspected mapping with the upload id. */
async function upload(caller: Caller, fileName: string, content: Buffer, entity: Entity, preset: string | null = null) {
  const { uploadId } = await caller.imports.upload({ fileName, content: content.toString("base64") });
  const inspected = await caller.imports.inspect({ uploadId, entity, preset });
  const settings = {
    uploadId,
    entity,
    mapping: inspected.mapping,
    dateOrder: inspected.dateOrder,
    defaultBusinessType: inspected.defaultBusinessType ?? "",
    preset,
  };
  return { uploadId, inspected, settings };
}

async function countRows(db: Db) {
  const tables = ["client", "contract", "installment", "payment", "allocation", "operating_cost"] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const LEDGER_CSV = [
  "应收账款台账（2026 年）",
  "",
  "客户名称,合同编号,合同金额,已回款,到期日,签订日期,备注",
  // GBK has the full-width ￥ only; ¥ (U+00A5) would become "?".
  '导入甲公司,IMP-1,"￥12,000.00",5000,2026-10-31,2026/9/1,首付已到',
  "导入甲公司,IMP-2,8000元,0,2026年11月30日,2026.10.1,",
  '导入乙公司,IMP-3,"1,500.50",1500.50,2026-11-15,,',
  "",
].join("\r\n");

describe("GBK ledger CSV", () => {
  let ctx: TestContext;
  const gbk = iconv.encode(LEDGER_CSV, "gbk");

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
  });

  it("detects GBK", async () => {
    const file = path.join(directory, "ledger-gbk.csv");
    fs.writeFileSync(file, gbk);

    expect(await detectCsvEncoding(file)).toBe("gb18030");
  });

  it("previews without writing", async () => {
    const before = await countRows(ctx.db);
    const { settings, inspected } = await upload(ctx.caller, "台账.csv", gbk, "contracts", "应收台账");

    const preview = await ctx.caller.imports.preview(settings);

    expect(inspected.headerRow).toBe(3);
    expect(inspected.mapping).toMatchObject({ clientName: "客户名称", contractNo: "合同编号", totalAmount: "合同金额", collectedAmount: "已回款", dueDate: "到期日" });
    expect(preview.problems).toEqual([]);
    expect(preview.dataRows).toBe(3);
    expect(preview.counts).toEqual({
      client: { created: 2, updated: 0, unchanged: 0 },
      contract: { created: 3, updated: 0, unchanged: 0 },
      payment: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(preview.sample.map((row) => row.row)).toEqual([4, 5, 6]);
    expect(await countRows(ctx.db)).toEqual(before);
  });

  it("imports contracts with installments and payments", async () => {
    const { settings } = await upload(ctx.caller, "台账.csv", gbk, "contracts", "应收台账");

    const result = await ctx.caller.imports.confirm(settings);

    expect(result.rows).toBe(3);
    const contracts = await ctx.db
      .selectFrom("contract as c")
      .innerJoin("client as cl", "cl.id", "c.client_id")
      .innerJoin("installment as i", "i.contract_id", "c.id")
      .select(["c.contract_no", "cl.name", "c.total_amount", "c.signed_on", "i.due_date", "i.paid_amount", "c.notes"])
      .orderBy("c.contract_no")
      .execute();
    expect(contracts).toEqual([
      { contract_no: "IMP-1", name: "导入甲公司", total_amount: 1_200_000, signed_on: "2026-09-01", due_date: "2026-10-31", paid_amount: 500_000, notes: "首付已到" },
      { contract_no: "IMP-2", name: "导入甲公司", total_amount: 800_000, signed_on: "2026-10-01", due_date: "2026-11-30", paid_amount: 0, notes: "" },
      // No 签订日期: the due date is used in its place.
      { contract_no: "IMP-3", name: "导入乙公司", total_amount: 150_050, signed_on: "2026-11-15", due_date: "2026-11-15", paid_amount: 150_050, notes: "" },
    ]);
    const payments = await ctx.db.selectFrom("payment").select(["received_on", "amount"]).orderBy("received_on").execute();
    // No 回款日期 column: each payment is dated by the due date.
    expect(payments).toEqual([
      { received_on: "2026-10-31", amount: 500_000 },
      { received_on: "2026-11-15", amount: 150_050 },
    ]);
  });

  it("records the import", async () => {
    const history = await ctx.caller.imports.history();

    expect(history[0]).toMatchObject({ fileName: "台账.csv", entity: "contracts", preset: "应收台账", rows: 3 });
    expect(history[0]!.fileHash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await ctx.db.selectFrom("audit_log").select(["action", "entity"]).where("action", "=", "imports.confirm").execute();
    expect(audit).toEqual([{ action: "imports.confirm", entity: "import" }]);
  });

  it("re-import changes nothing", async () => {
    const before = await countRows(ctx.db);
    const { settings } = await upload(ctx.caller, "台账.csv", gbk, "contracts", "应收台账");

    const preview = await ctx.caller.imports.preview(settings);
    const result = await ctx.caller.imports.confirm(settings);

    expect(preview.counts).toEqual({
      client: { created: 0, updated: 0, unchanged: 2 },
      contract: { created: 0, updated: 0, unchanged: 3 },
    });
    expect(result.counts).toEqual(preview.counts);
    expect(await countRows(ctx.db)).toEqual(before);
  });

  it("adds the newly collected part", async () => {
    const grown = LEDGER_CSV.replace('"￥12,000.00",5000', '"￥12,000.00",7000');
    const { settings } = await upload(ctx.caller, "台账.csv", iconv.encode(grown, "gbk"), "contracts", "应收台账");

    const result = await ctx.caller.imports.confirm(settings);

    expect(result.counts.contract).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(result.counts.payment).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const installment = await ctx.db
      .selectFrom("installment as i")
      .innerJoin("contract as c", "c.id", "i.contract_id")
      .select("i.paid_amount")
      .where("c.contract_no", "=", "IMP-1")
      .executeTakeFirstOrThrow();
    expect(installment.paid_amount).toBe(700_000);
  });

  it("payments CSV with BOM imports once", async () => {
    const csv = "\uFEFF客户名称,回款日期,回款金额,银行流水号,合同编号\r\n导入甲公司,2026-11-20,\"3,000\",BANK-001,IMP-2\r\n导入乙公司,2026/11/21,200,,\r\n";
    const content = Buffer.from(csv, "utf8");
    const file = path.join(directory, "payments-bom.csv");
    fs.writeFileSync(file, content);
    expect(await detectCsvEncoding(file)).toBe("utf8");

    const first = await upload(ctx.caller, "回款.csv", content, "payments");
    expect(first.inspected.headers[0]).toBe("客户名称");
    const created = await ctx.caller.imports.confirm(first.settings);
    const before = await countRows(ctx.db);
    const second = await upload(ctx.caller, "回款.csv", content, "payments");
    const again = await ctx.caller.imports.confirm(second.settings);

    expect(created.counts.payment).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(again.counts.payment).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await countRows(ctx.db)).toEqual(before);
    const installment = await ctx.db
      .selectFrom("installment as i")
      .innerJoin("contract as c", "c.id", "i.contract_id")
      .select("i.paid_amount")
      .where("c.contract_no", "=", "IMP-2")
      .executeTakeFirstOrThrow();
    expect(installment.paid_amount).toBe(300_000);
  });

  it("costs import by category", async () => {
    const csv = "付款日期,成本类别,金额,备注\n2026-11-01,房租,\"20,000\",11 月房租\n2026-11-02,差旅,350.5,\n2026-11-02,差旅,350.5,\n";
    const first = await upload(ctx.caller, "成本.csv", Buffer.from(csv), "costs");
    const created = await ctx.caller.imports.confirm(first.settings);
    const second = await upload(ctx.caller, "成本.csv", Buffer.from(csv), "costs");
    const preview = await ctx.caller.imports.preview(second.settings);

    // Two equal rows stay two costs, and a second import finds both.
    expect(created.counts.cost).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(preview.counts.cost).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it("clients import updates contact details", async () => {
    const csv = "客户名称,联系人,电话\n导入甲公司,赵六,010-1234\n导入丙公司,,\n";
    const { settings } = await upload(ctx.caller, "客户.csv", Buffer.from(csv), "clients");

    const result = await ctx.caller.imports.confirm(settings);

    expect(result.counts.client).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const client = await ctx.db.selectFrom("client").select(["contact_person", "phone"]).where("name", "=", "导入甲公司").executeTakeFirstOrThrow();
    expect(client).toEqual({ contact_person: "赵六", phone: "010-1234" });
  });
});

describe("bad rows", () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
  });

  const BAD_CSV = [
    "台账",
    "客户名称,合同编号,合同金额,已回款,到期日",
    "好客户,OK-1,100,0,2026-11-01",
    "坏金额,BAD-1,\"1,2,3\",0,2026-11-01",
    "坏日期,BAD-2,100,0,2026-02-30",
    ",BAD-3,100,0,2026-11-01",
    "多收,BAD-4,100,200,2026-11-01",
    "重复,OK-1,100,0,2026-11-01",
    "美式日期,BAD-5,100,0,1/5/2026",
  ].join("\n");

  it("lists every problem with its row", async () => {
    const { settings } = await upload(ctx.caller, "bad.csv", iconv.encode(BAD_CSV, "gbk"), "contracts");

    const preview = await ctx.caller.imports.preview(settings);

    expect(preview.problems.map((problem) => problem.row)).toEqual([4, 5, 6, 7, 8, 9]);
    const messages = preview.problems.map((problem) => problem.message);
    expect(messages[0]).toBe('第 4 行: 合同金额 "1,2,3" 无法识别');
    expect(messages[1]).toContain('第 5 行: 到期日 "2026-02-30" 不是真实存在的日期');
    expect(messages[2]).toBe("第 6 行: 客户名称 为空，客户名称必填");
    expect(messages[3]).toContain("第 7 行: 已回款 ¥200.00 超过合同金额 ¥100.00");
    expect(messages[4]).toContain('第 8 行: 合同编号 "OK-1" 与第 3 行重复');
    expect(messages[5]).toContain('第 9 行: 到期日 "1/5/2026" 是月/日/年还是日/月/年无法确定');
  });

  it("writes nothing on confirm", async () => {
    const before = await countRows(ctx.db);
    const { settings } = await upload(ctx.caller, "bad.csv", iconv.encode(BAD_CSV, "gbk"), "contracts");

    await expect(ctx.caller.imports.confirm(settings)).rejects.toThrow(/文件有 6 处错误，未导入任何数据[\s\S]*第 4 行: 合同金额 "1,2,3" 无法识别/);

    expect(await countRows(ctx.db)).toEqual(before);
    const imported = await ctx.db.selectFrom("import_record").select("id").where("status", "=", "imported").execute();
    expect(imported).toEqual([]);
  });

  it("rejects a file without a header", async () => {
    const { uploadId } = await ctx.caller.imports.upload({ fileName: "x.csv", content: Buffer.from("甲,乙\n1,2\n").toString("base64") });

    await expect(ctx.caller.imports.inspect({ uploadId, entity: "contracts", preset: null })).rejects.toThrow(/找不到表头行/);
  });

  it("rejects a missing required column", async () => {
    const { uploadId } = await ctx.caller.imports.upload({ fileName: "x.csv", content: Buffer.from("客户名称,合同编号\n甲,1\n").toString("base64") });
    const settings = { uploadId, entity: "contracts" as const, mapping: { clientName: "客户名称", contractNo: "合同编号" }, dateOrder: "ymd" as const, defaultBusinessType: "", preset: null };

    await expect(ctx.caller.imports.preview(settings)).rejects.toThrow(/必填字段“合同金额”没有对应的列/);
  });

  it("rejects an .xls file", async () => {
    await expect(ctx.caller.imports.upload({ fileName: "旧.xls", content: "AAAA" })).rejects.toThrow(/不是 .xlsx 或 .csv 文件/);
  });
});

/** Excel serial of a date in the 1900 system, for dates after 1900-02-28. */
function serialOf(date: string): number {
  return dayNumber(date) - dayNumber("1899-12-30");
}

describe("xlsx with title and merged headers", () => {
  let ctx: TestContext;
  let content: Buffer;

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台账");
    sheet.getCell("A1").value = "2026 年应收账款台账";
    sheet.mergeCells("A1:G1");
    sheet.getCell("A2").value = "客户名称";
    sheet.mergeCells("A2:A3");
    sheet.getCell("B2").value = "合同编号";
    sheet.mergeCells("B2:B3");
    sheet.getCell("C2").value = "合同信息";
    sheet.mergeCells("C2:E2");
    sheet.getCell("F2").value = "回款情况";
    sheet.mergeCells("F2:G2");
    sheet.getRow(3).values = [null, null, null, "合同金额", "签订日期", "到期日", "已回款", "回款日期"].slice(1);
    // Serial dates as plain numbers, amounts as numbers.
    sheet.getRow(4).values = ["表格客户甲", "XL-1", 12000.5, serialOf("2026-09-01"), serialOf("2026-10-31"), 12000.5, serialOf("2026-10-20")];
    // A blank row between data rows.
    sheet.getRow(6).values = ["表格客户乙", "XL-2", "￥３，０００．００", new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 10, 30)), 0, null];
    sheet.getCell("D6").numFmt = "yyyy-mm-dd";
    sheet.getCell("E6").numFmt = "yyyy-mm-dd";
    // Blank tail rows: a space and a formatted empty cell.
    sheet.getCell("A8").value = " ";
    sheet.getCell("B9").numFmt = "0.00";
    const file = path.join(directory, "台账.xlsx");
    await workbook.xlsx.writeFile(file);
    content = fs.readFileSync(file);
  });

  it("finds the header under the merged cells", async () => {
    const { inspected } = await upload(ctx.caller, "台账.xlsx", content, "contracts");

    expect(inspected.headerRow).toBe(3);
    expect(inspected.headers.slice(0, 7)).toEqual(["客户名称", "合同编号", "合同金额", "签订日期", "到期日", "已回款", "回款日期"]);
  });

  it("imports serial and Date cells", async () => {
    const { settings } = await upload(ctx.caller, "台账.xlsx", content, "contracts");
    const preview = await ctx.caller.imports.preview(settings);

    const result = await ctx.caller.imports.confirm(settings);

    expect(preview.problems).toEqual([]);
    expect(preview.sample.map((row) => row.row)).toEqual([4, 6]);
    expect(result.rows).toBe(2);
    const contracts = await ctx.db
      .selectFrom("contract as c")
      .innerJoin("installment as i", "i.contract_id", "c.id")
      .select(["c.contract_no", "c.total_amount", "c.signed_on", "i.due_date", "i.paid_amount"])
      .orderBy("c.contract_no")
      .execute();
    expect(contracts).toEqual([
      { contract_no: "XL-1", total_amount: 1_200_050, signed_on: "2026-09-01", due_date: "2026-10-31", paid_amount: 1_200_050 },
      { contract_no: "XL-2", total_amount: 300_000, signed_on: "2026-10-01", due_date: "2026-11-30", paid_amount: 0 },
    ]);
    const payment = await ctx.db.selectFrom("payment").select(["received_on", "amount"]).executeTakeFirstOrThrow();
    expect(payment).toEqual({ received_on: "2026-10-20", amount: 1_200_050 });
  });

  it("reports a three-decimal number cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台账");
    sheet.addRow(["客户名称", "合同编号", "合同金额", "到期日"]);
    sheet.addRow(["客户", "XL-9", 10.125, serialOf("2026-10-31")]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { settings } = await upload(ctx.caller, "三位小数.xlsx", buffer, "contracts");

    const preview = await ctx.caller.imports.preview(settings);

    expect(preview.problems.map((problem) => problem.message)).toEqual(['第 2 行: 合同金额 "10.125" 超过两位小数，金额只能精确到分']);
  });
});

describe("IBM invoice history through the preset", () => {
  const invoices = readIbmInvoices();
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
    const { settings } = await upload(ctx.caller, "ibm-accounts-receivable.csv", fs.readFileSync(IBM_CSV_FILE), "contracts", "IBM 发票历史");
    const result = await ctx.caller.imports.confirm(settings);
    expect(result.counts).toEqual({
      client: { created: 100, updated: 0, unchanged: 0 },
      contract: { created: 2466, updated: 0, unchanged: 0 },
      payment: { created: 2466, updated: 0, unchanged: 0 },
    });
  }, 600_000);

  it.each(["2012-12-31", "2013-01-25", "2013-06-30"])("aging matches the file on %s", async (asOf) => {
    const expected = expectedAging(invoices, asOf);

    const dashboard = await ctx.caller.reports.dashboard({ asOf });

    expect(dashboard.aging.map((bucket) => bucket.amount)).toEqual(expected.aging);
    expect(dashboard.outstanding).toBe(expected.outstanding);
    expect(dashboard.overdue).toBe(expected.overdue);
  });

  it("monthly revenue matches the file", async () => {
    const expected = expectedMonthlyRevenue(invoices);

    const trend = await ctx.caller.trend.report({ from: "2012-01", to: "2013-12" });

    const actual = new Map(trend.months.filter((month) => month.total > 0).map((month) => [month.month, month.total]));
    expect(actual).toEqual(expected);
  });

  it.each([
    ["2012-01-01", "2012-12-31"],
    ["2013-01-01", "2013-06-30"],
  ])("payment speed matches the file from %s to %s", async (from, asOf) => {
    const expected = expectedSpeed(invoices, from, asOf);

    const ranking = await ctx.caller.speed.ranking({ from, asOf });

    const actual = Object.fromEntries(
      ranking.clients
        .filter((row) => row.dueInPeriod > 0)
        .map((row) => [row.clientName, { dueInPeriod: row.dueInPeriod, paid: row.paid, paidOnTime: row.paidOnTime, openOverdue: row.openOverdue, lateFenDays: row.lateFenDays }]),
    );
    expect(actual).toEqual(expected);
  });
});

describe("export round trip", () => {
  let source: TestContext;
  let target: TestContext;

  /** The same two clients and contracts in each database, so exported contract numbers resolve. */
  async function seedContracts(ctx: TestContext) {
    const fields = { contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" };
    const first = await ctx.caller.clients.create({ name: "往返客户甲", ...fields });
    const second = await ctx.caller.clients.create({ name: "往返客户乙", ...fields });
    const contract = { businessTypeId: 1, title: "往返", signedOn: "2026-10-01", serviceStart: null, serviceEnd: null, mediaCost: 0, productionCost: 0, notes: "" };
    await ctx.caller.contracts.create({ ...contract, clientId: first.clientId, contractNo: "RT-1", totalAmount: 1_000_000, installments: [{ label: "全款", dueDate: "2026-11-01", amount: 1_000_000 }] });
    await ctx.caller.contracts.create({ ...contract, clientId: second.clientId, contractNo: "RT-2", totalAmount: 500_000, installments: [{ label: "全款", dueDate: "2026-11-15", amount: 500_000 }] });
    return { first: first.clientId, second: second.clientId };
  }

  async function paymentRows(ctx: TestContext) {
    const rows = await ctx.db
      .selectFrom("payment as p")
      .innerJoin("client as c", "c.id", "p.client_id")
      .leftJoin("contract as k", "k.id", "p.contract_id")
      .select(["p.received_on", "c.name", "p.amount", "p.method", "p.bank_reference", "k.contract_no"])
      .orderBy("p.received_on")
      .orderBy("p.amount")
      .execute();
    const installments = await ctx.db.selectFrom("installment as i").innerJoin("contract as k", "k.id", "i.contract_id").select(["k.contract_no", "i.paid_amount"]).orderBy("k.contract_no").execute();
    return { rows, installments };
  }

  beforeAll(async () => {
    source = await createTestContext(TODAY);
    target = await createTestContext(TODAY);
    const clients = await seedContracts(source);
    await seedContracts(target);
    const payment = { note: "", bankReference: "", contractId: null };
    await source.caller.payments.record({ ...payment, clientId: clients.first, receivedOn: "2026-11-05", amount: 300_050, method: "银行转账", bankReference: "RT-BANK-1", contractId: 1 });
    await source.caller.payments.record({ ...payment, clientId: clients.second, receivedOn: "2026-11-20", amount: 500_000, method: "银行转账" });
    await source.caller.payments.record({ ...payment, clientId: clients.first, receivedOn: "2026-11-25", amount: 100_000, method: "现金" });
    await source.caller.costs.record({ paidOn: "2026-11-01", categoryId: 1, amount: 2_000_000, note: "11 月房租" });
    await source.caller.costs.record({ paidOn: "2026-11-03", categoryId: 5, amount: 35_050, note: "" });
  });

  it("payments exported to .xlsx import back the same", async () => {
    const built = await EXPORTS.payments.build(source.caller, {});
    const content = await writeXlsx(built.workbook);

    const { settings } = await upload(target.caller, "回款记录.xlsx", content, "payments");
    const preview = await target.caller.imports.preview(settings);
    const result = await target.caller.imports.confirm(settings);

    expect(preview.problems).toEqual([]);
    expect(result.counts.payment).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await paymentRows(target)).toEqual(await paymentRows(source));
  });

  it("costs exported to .xlsx import back the same", async () => {
    const built = await EXPORTS.costs.build(source.caller, {});
    const content = await writeXlsx(built.workbook);

    const { settings } = await upload(target.caller, "运营成本.xlsx", content, "costs");
    const result = await target.caller.imports.confirm(settings);

    expect(result.counts.cost).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const costs = async (ctx: TestContext) => (await ctx.caller.costs.list({})).costs.map((cost) => [cost.paidOn, cost.categoryName, cost.amount, cost.note]);
    expect(await costs(target)).toEqual(await costs(source));
  });
});

describe("upload storage", () => {
  it("deletes the file after confirm", async () => {
    const ctx = await createTestContext(TODAY);
    const { settings } = await upload(ctx.caller, "台账.csv", Buffer.from("客户名称,合同编号,合同金额,到期日\n存储客户,ST-1,100,2026-11-01\n"), "contracts");
    const stored = path.join(process.env.HUIKUAN_IMPORT_DIR!, `${settings.uploadId}.csv`);
    expect(fs.existsSync(stored)).toBe(true);

    await ctx.caller.imports.confirm(settings);

    expect(fs.existsSync(stored)).toBe(false);
  });

  it("removes uploads older than a day", () => {
    const directory = process.env.HUIKUAN_IMPORT_DIR!;
    fs.mkdirSync(directory, { recursive: true });
    const old = path.join(directory, `${"a".repeat(24)}.csv`);
    const recent = path.join(directory, `${"b".repeat(24)}.csv`);
    fs.writeFileSync(old, "x");
    fs.writeFileSync(recent, "x");
    const twoDaysAgo = new Date(Date.now() - 2 * UPLOAD_TTL_MS);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);

    removeExpiredUploads();

    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
  });
});
