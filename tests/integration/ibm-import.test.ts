import fs from "node:fs";
import { fileURLToPath } from "node:url";

import { beforeAll, describe, expect, it } from "vitest";

import { parseAmountFen } from "../../server/import/csv";
import { importIbmInvoices, type IbmImportSummary, parseIbmCsv } from "../../server/import/ibm";
import { createTestContext, type TestContext } from "../support/context";

// The file lives in shared/, checked out beside the project.
const CSV_FILE = fileURLToPath(
  new URL("../../../shared/data/ibm-accounts-receivable.csv", import.meta.url),
);
const CSV_TEXT = fs.readFileSync(CSV_FILE, "utf8");

/**
 * The expected figures are computed here from the raw file with code of
 * the test's own, so a mistake in the importer's parser cannot hide in
 * both sides.
 */
interface FileInvoice {
  customer: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  settledDate: string;
  fen: number;
  disputed: boolean;
}

function isoDate(usDate: string): string {
  const [month, day, year] = usDate.split("/");
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

function toFen(yuan: string): number {
  const [whole, cents = ""] = yuan.split(".");
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}

function dayNumber(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year!, month! - 1, day!) / 86_400_000;
}

function readFileInvoices(): FileInvoice[] {
  const [headerLine, ...lines] = CSV_TEXT.trim().split(/\r?\n/);
  const header = headerLine!.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    const cell = (name: string) => cells[header.indexOf(name)]!;
    return {
      customer: cell("customerID"),
      invoiceNumber: cell("invoiceNumber"),
      invoiceDate: isoDate(cell("InvoiceDate")),
      dueDate: isoDate(cell("DueDate")),
      settledDate: isoDate(cell("SettledDate")),
      fen: toFen(cell("InvoiceAmount")),
      disputed: cell("Disputed") === "Yes",
    };
  });
}

/** Aging bucket of an unpaid invoice: 未到期, 1–30, 31–60, 61–90, 91–180, 181–365, >365. */
function bucketOf(daysOverdue: number): number {
  const upperBounds = [0, 30, 60, 90, 180, 365];
  const index = upperBounds.findIndex((bound) => daysOverdue <= bound);
  return index === -1 ? upperBounds.length : index;
}

interface ClientFigures {
  outstanding: number;
  overdue: number;
  daysOverdue: number;
}

function expectedAsOf(invoices: readonly FileInvoice[], asOf: string) {
  const unpaid = invoices.filter((i) => i.invoiceDate <= asOf && i.settledDate > asOf);
  const clients: Record<string, ClientFigures> = {};
  const aging = [0, 0, 0, 0, 0, 0, 0];

  for (const invoice of unpaid) {
    const days = dayNumber(asOf) - dayNumber(invoice.dueDate);
    const figures = (clients[invoice.customer] ??= { outstanding: 0, overdue: 0, daysOverdue: 0 });
    figures.outstanding += invoice.fen;
    if (invoice.dueDate < asOf) {
      figures.overdue += invoice.fen;
      figures.daysOverdue = Math.max(figures.daysOverdue, days);
    }
    aging[bucketOf(days)]! += invoice.fen;
  }

  const outstanding = unpaid.reduce((sum, i) => sum + i.fen, 0);
  const overdue = Object.values(clients).reduce((sum, c) => sum + c.overdue, 0);
  return { unpaid, clients, aging, outstanding, overdue };
}

const AS_OF = "2013-06-30";
// No invoice in the file is paid more than 45 days late, so only two ever
// reach the 31–60 bucket. On 2013-01-25 invoice 7619716138 is 38 days
// overdue, and on 2013-02-25 invoice 7900770 falls due and is not overdue.
const CHECKED_DATES = ["2012-03-31", "2012-12-31", "2013-01-25", "2013-02-25", AS_OF, "2013-12-31"];

describe("IBM invoice import", () => {
  const fileInvoices = readFileInvoices();
  let context: TestContext;
  let summary: IbmImportSummary;

  beforeAll(async () => {
    context = await createTestContext(AS_OF);
    summary = await importIbmInvoices(context.db, context.clock, parseIbmCsv(CSV_TEXT));
  });

  it("loads every customer, invoice and payment", async () => {
    const fileTotal = fileInvoices.reduce((sum, i) => sum + i.fen, 0);
    expect(fileInvoices).toHaveLength(2466);
    expect(summary.clientsCreated).toBe(100);
    expect(summary.contracts).toBe(2466);
    expect(summary.payments).toBe(2466);
    expect(summary.totalAmount).toBe(fileTotal);
    expect(summary.credit).toBe(0);

    const latestSettlement = fileInvoices.map((i) => i.settledDate).sort().at(-1);
    const lastPayment = await context.db
      .selectFrom("payment")
      .select((eb) => eb.fn.max<string>("received_on").as("latest"))
      .executeTakeFirstOrThrow();
    // Today is 2013-06-30, yet the 2014 settlements are in the database.
    expect(lastPayment.latest).toBe(latestSettlement);
  });

  it("applies each payment to its own invoice", async () => {
    const mismatched = await context.db
      .selectFrom("payment as p")
      .leftJoin("allocation as a", "a.payment_id", "p.id")
      .leftJoin("installment as i", "i.id", "a.installment_id")
      .select(["p.id", "p.contract_id", "i.contract_id as allocatedContractId", "p.amount", "a.amount as allocated"])
      .where((eb) =>
        eb.or([
          eb("a.id", "is", null),
          eb("i.contract_id", "!=", eb.ref("p.contract_id")),
          eb("a.amount", "!=", eb.ref("p.amount")),
        ]),
      )
      .execute();
    expect(mismatched).toEqual([]);

    const allocations = await context.db.selectFrom("allocation").select("id").execute();
    expect(allocations).toHaveLength(2466);

    const unpaidInstallments = await context.db
      .selectFrom("installment")
      .select(["id", "amount", "paid_amount"])
      .whereRef("paid_amount", "!=", "amount")
      .execute();
    expect(unpaidInstallments).toEqual([]);
  });

  it("keeps invoice details on contracts", async () => {
    const disputed = fileInvoices.find((i) => i.disputed);
    const contract = await context.db
      .selectFrom("contract as c")
      .innerJoin("business_type as b", "b.id", "c.business_type_id")
      .innerJoin("installment as i", "i.contract_id", "c.id")
      .innerJoin("client as cl", "cl.id", "c.client_id")
      .select(["c.title", "c.notes", "c.signed_on", "c.total_amount", "b.name as businessType", "i.due_date", "cl.name as client"])
      .where("c.contract_no", "=", disputed!.invoiceNumber)
      .executeTakeFirstOrThrow();

    expect(contract.title).toBe(`发票 ${disputed!.invoiceNumber}`);
    expect(contract.notes).toContain("客户有争议");
    expect(contract.businessType).toBe("发票");
    expect(contract.signed_on).toBe(disputed!.invoiceDate);
    expect(contract.due_date).toBe(disputed!.dueDate);
    expect(contract.total_amount).toBe(disputed!.fen);
    expect(contract.client).toBe(disputed!.customer);
  });

  it.each(CHECKED_DATES)("reminders match the file on %s", async (asOf) => {
    const expected = expectedAsOf(fileInvoices, asOf);

    const list = await context.caller.reports.reminders({ asOf, horizonDays: 15 });
    const actual = Object.fromEntries(
      list.clients.map((row) => [
        row.client.name,
        { outstanding: row.outstanding, overdue: row.overdue, daysOverdue: row.daysOverdue },
      ]),
    );

    expect(actual).toEqual(expected.clients);
    expect(list.totals.outstanding).toBe(expected.outstanding);
    expect(list.totals.overdue).toBe(expected.overdue);

    const horizonEnd = dayNumber(asOf) + 15;
    const dueSoon = expected.unpaid
      .filter((i) => i.dueDate >= asOf && dayNumber(i.dueDate) <= horizonEnd)
      .map((i) => i.invoiceNumber)
      .sort();
    expect(list.upcoming.map((item) => item.contractNo).sort()).toEqual(dueSoon);
  });

  it.each(CHECKED_DATES)("dashboard aging matches the file on %s", async (asOf) => {
    const expected = expectedAsOf(fileInvoices, asOf);

    const dashboard = await context.caller.reports.dashboard({ asOf });

    expect(dashboard.aging.map((bucket) => bucket.amount)).toEqual(expected.aging);
    expect(dashboard.outstanding).toBe(expected.outstanding);
    expect(dashboard.overdue).toBe(expected.overdue);
    expect(dashboard.clientsOwing).toBe(Object.keys(expected.clients).length);
    expect(dashboard.clientsOverdue).toBe(
      Object.values(expected.clients).filter((c) => c.overdue > 0).length,
    );

    const collected = fileInvoices.filter(
      (i) => i.settledDate >= `${asOf.slice(0, 7)}-01` && i.settledDate <= asOf,
    );
    expect(dashboard.collectedThisMonth).toBe(collected.reduce((sum, i) => sum + i.fen, 0));
    expect(dashboard.paymentsThisMonth).toBe(collected.length);
  });

  it("checked dates cover aging edges", () => {
    const populated = (asOf: string) => expectedAsOf(fileInvoices, asOf).aging.map((fen) => fen > 0);
    const dueToday = fileInvoices.filter((i) => i.dueDate === "2013-02-25" && i.settledDate > "2013-02-25");

    expect(populated("2013-01-25")[2]).toBe(true);
    expect(dueToday.map((i) => i.invoiceNumber)).toContain("7900770");
  });

  it("totals over all time equal the file", async () => {
    const fileTotal = fileInvoices.reduce((sum, i) => sum + i.fen, 0);

    const all = await context.caller.reports.summary({ asOf: "2014-12-31" });

    expect(all.totals.contracted).toBe(fileTotal);
    expect(all.totals.received).toBe(fileTotal);
    expect(all.totals.outstanding).toBe(0);
    expect(all.totals.credit).toBe(0);
    expect(all.rows).toHaveLength(100);
  });

  it.each([AS_OF, "2012-12-31"])("collection letter matches the file on %s", async (asOf) => {
    await context.caller.settings.saveCompany({
      name: "示例广告有限公司",
      address: "",
      phone: "",
      bankName: "中国工商银行示例支行",
      bankAccountName: "示例广告有限公司",
      bankAccountNumber: "1001 0000 0000",
      signatory: "",
    });
    const expected = expectedAsOf(fileInvoices, asOf);
    // The customer with the most overdue invoices, then the most unpaid ones,
    // so the letter's outstanding total includes invoices not yet due where
    // the file has such a customer (on 2013-06-30 it does).
    const unpaidOf = (customer: string) => expected.unpaid.filter((i) => i.customer === customer);
    const overdueOf = (customer: string) => unpaidOf(customer).filter((i) => i.dueDate < asOf);
    const customer = Object.keys(expected.clients).sort(
      (a, b) =>
        overdueOf(b).length - overdueOf(a).length ||
        unpaidOf(b).length - unpaidOf(a).length ||
        a.localeCompare(b),
    )[0]!;
    const list = await context.caller.reports.reminders({ asOf, horizonDays: 15 });
    const clientId = list.clients.find((row) => row.client.name === customer)!.client.id;

    const letter = await context.caller.reports.collectionLetter({ clientId, asOf });

    const byNumber = (a: { contractNo: string }, b: { contractNo: string }) =>
      a.contractNo.localeCompare(b.contractNo);
    const actualContracts = letter.contracts.map((c) => ({
      contractNo: c.contractNo,
      overdueAmount: c.overdueAmount,
      outstandingAmount: c.outstandingAmount,
      paidAmount: c.paidAmount,
      earliestDueDate: c.earliestDueDate,
      daysOverdue: c.daysOverdue,
    }));
    const expectedContracts = overdueOf(customer).map((i) => ({
      contractNo: i.invoiceNumber,
      overdueAmount: i.fen,
      outstandingAmount: i.fen,
      paidAmount: 0,
      earliestDueDate: i.dueDate,
      daysOverdue: dayNumber(asOf) - dayNumber(i.dueDate),
    }));
    expect(letter.client.name).toBe(customer);
    expect(actualContracts.sort(byNumber)).toEqual(expectedContracts.sort(byNumber));
    expect(letter.totalOverdue).toBe(expected.clients[customer]!.overdue);
    expect(letter.totalOutstanding).toBe(expected.clients[customer]!.outstanding);
    expect(letter.creditAmount).toBe(0);
  });

  it("rejects a second import of the file", async () => {
    const invoices = parseIbmCsv(CSV_TEXT);

    await expect(importIbmInvoices(context.db, context.clock, invoices)).rejects.toThrow(
      /数据库中已有 2466 张本文件的发票.*未导入任何数据/,
    );

    const contracts = await context.db.selectFrom("contract").select("id").execute();
    const payments = await context.db.selectFrom("payment").select("id").execute();
    expect(contracts).toHaveLength(2466);
    expect(payments).toHaveLength(2466);
  });
});

describe("IBM CSV parsing", () => {
  const [header, ...rows] = CSV_TEXT.split("\r\n").slice(0, 4) as [string, ...string[]];

  /** Builds a CSV of the header and the first three rows, with `edit` applied to the row on line `line`. */
  function editedCsv(line: number, edit: (cells: string[]) => void): string {
    const edited = rows.map((row, index) => {
      if (index + 2 !== line) return row;
      const cells = row.split(",");
      edit(cells);
      return cells.join(",");
    });
    return [header, ...edited].join("\r\n");
  }

  function parseError(text: string): string {
    try {
      parseIbmCsv(text);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("parseIbmCsv accepted the file");
  }

  it("reads the whole file", () => {
    const invoices = parseIbmCsv(CSV_TEXT);
    expect(invoices).toHaveLength(2466);
    expect(invoices[0]).toEqual({
      line: 2,
      countryCode: "391",
      customerId: "0379-NEVHP",
      paperlessDate: "2013-04-06",
      invoiceNumber: "611365",
      invoiceDate: "2013-01-02",
      dueDate: "2013-02-01",
      amount: 5594,
      disputed: false,
      settledDate: "2013-01-15",
      paperlessBill: "Paper",
    });
  });

  it.each([
    ["34.02", 3402],
    ["68.8", 6880],
    ["94", 9400],
    ["1,234.5", 123450],
    ["0.01", 1],
  ])("amount %s is %i fen", (text, fen) => {
    expect(parseAmountFen(text)).toBe(fen);
  });

  it.each(["1,2,3", "12,34.5", "1,234.567", "1.234,5"])("amount %s is invalid", (text) => {
    expect(parseAmountFen(text)).toBeNull();
  });

  it.each(["12.345", "-5", "1e3", "", "0", "0.00", "¥5", "5."])(
    "rejects amount %j",
    (amount) => {
      const message = parseError(editedCsv(3, (cells) => (cells[6] = amount)));
      expect(message).toContain(`第 3 行 InvoiceAmount "${amount}"`);
    },
  );

  it.each(["2/30/2013", "13/1/2013", "2013-01-26", "1/26/13"])("rejects date %s", (date) => {
    const message = parseError(editedCsv(3, (cells) => (cells[4] = date)));
    expect(message).toContain(`第 3 行 InvoiceDate "${date}" 不是有效日期`);
  });

  it("rejects day and month swapped", () => {
    // 1/2/2013 written as 2/1/2013 is a real date, so only the day counts catch it.
    const message = parseError(editedCsv(2, (cells) => (cells[4] = "2/1/2013")));
    expect(message).toContain('第 2 行 DaysToSettle "13" 与 InvoiceDate 到 SettledDate 的天数 -17 不符');
  });

  it("rejects a duplicate invoice number", () => {
    const message = parseError(editedCsv(3, (cells) => (cells[3] = "611365")));
    expect(message).toContain('第 3 行 invoiceNumber "611365" 与第 2 行重复');
  });

  it("rejects unknown flags", () => {
    const message = parseError(editedCsv(3, (cells) => (cells[7] = "Y")));
    expect(message).toContain('第 3 行 Disputed "Y" 无效');
  });

  it("rejects quoted fields", () => {
    const message = parseError(editedCsv(3, (cells) => (cells[6] = '"61.74"')));
    expect(message).toContain("第 3 行含有双引号");
  });

  it("rejects a missing column", () => {
    const text = CSV_TEXT.replace("InvoiceAmount", "Amount");
    expect(parseError(text)).toContain("表头缺少列：InvoiceAmount");
  });

  it("lists every bad row", () => {
    const text = [header, rows[0]!.replace("55.94", "x"), rows[1]!.replace("1/26/2013", "1/32/2013")].join("\n");
    const message = parseError(text);
    expect(message).toContain("文件有 2 处错误");
    expect(message).toContain('第 2 行 InvoiceAmount "x"');
    expect(message).toContain('第 3 行 InvoiceDate "1/32/2013"');
  });
});
