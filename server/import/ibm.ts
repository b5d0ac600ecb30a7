import type { Db } from "../../db";
import type { Clock } from "../clock";
import { daysBetween } from "../domain/dates";
import { AppError } from "../errors";
import { createClient } from "../services/clients";
import { createContract } from "../services/contracts";
import { recordPayment } from "../services/payments";
import {
  type CsvRow,
  type ImportIssue,
  ImportError,
  parseAmountFen,
  parseCsv,
  parseUsDate,
} from "./csv";

/**
 * Import of IBM's public "Accounts Receivable" sample (the late-payment
 * histories data set): one row per invoice, each paid in full by one
 * payment on SettledDate. Parsing turns the CSV into typed invoices or
 * rejects the whole file. Loading writes them through the services, so the
 * data is exactly what entering it by hand would produce.
 */

/** Header names of the file, which the columns are looked up by. */
const COLUMNS = [
  "countryCode",
  "customerID",
  "PaperlessDate",
  "invoiceNumber",
  "InvoiceDate",
  "DueDate",
  "InvoiceAmount",
  "Disputed",
  "SettledDate",
  "PaperlessBill",
  "DaysToSettle",
  "DaysLate",
] as const;

type Column = (typeof COLUMNS)[number];

/** Maximum lengths of contract numbers and client names in the entry forms. */
const MAX_CONTRACT_NO = 50;
const MAX_CLIENT_NAME = 100;

/** One row of the file, validated. Dates are `YYYY-MM-DD`, the amount is fen. */
export interface IbmInvoice {
  /** Line of the CSV file, 1-based, the header being line 1. */
  line: number;
  countryCode: string;
  customerId: string;
  /** Date the customer switched to electronic bills. */
  paperlessDate: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  amount: number;
  disputed: boolean;
  settledDate: string;
  /** Whether this invoice was sent on paper or electronically. */
  paperlessBill: "Paper" | "Electronic";
}

/**
 * Parses the IBM invoice CSV into invoices, or throws an ImportError that
 * names the line, column and value of every bad cell. Besides the format
 * of each cell it checks that invoice numbers are unique, that a customer
 * has one country code and one paperless date, and that DaysToSettle and
 * DaysLate agree with the dates, which catches day and month swapped.
 */
export function parseIbmCsv(text: string): IbmInvoice[] {
  const table = parseCsv(text);
  const columns = columnPositions(table.header);
  const issues: ImportIssue[] = [];
  const invoices: IbmInvoice[] = [];

  for (const row of table.rows) {
    const invoice = parseRow(row, columns, issues);
    if (invoice) invoices.push(invoice);
  }
  issues.push(...duplicateInvoiceNumbers(invoices), ...customerConflicts(invoices));

  if (issues.length === 0 && invoices.length === 0) {
    issues.push({ line: 2, column: "", value: "", message: "文件只有表头，没有发票数据" });
  }
  if (issues.length > 0) {
    throw new ImportError(issues.sort((a, b) => a.line - b.line));
  }
  return invoices;
}

function columnPositions(header: readonly string[]): Map<Column, number> {
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new ImportError([
      {
        line: 1,
        column: "",
        value: header.join(","),
        message: `第 1 行表头缺少列：${missing.join("、")}`,
      },
    ]);
  }
  return new Map(COLUMNS.map((column) => [column, header.indexOf(column)]));
}

/** Reads one row and adds an issue per bad cell. Returns null if any cell is bad. */
function parseRow(
  row: CsvRow,
  columns: ReadonlyMap<Column, number>,
  issues: ImportIssue[],
): IbmInvoice | null {
  const issueCount = issues.length;
  const cell = (column: Column) => row.values[columns.get(column)!] ?? "";
  const reject = (column: Column, problem: string) => {
    const value = cell(column);
    issues.push({
      line: row.line,
      column,
      value,
      message: `第 ${row.line} 行 ${column} "${value}" ${problem}`,
    });
  };
  const date = (column: Column) => {
    const value = parseUsDate(cell(column));
    if (value === null) reject(column, "不是有效日期，应为 月/日/年，如 1/31/2013");
    return value ?? "";
  };
  const oneOf = <T extends string>(column: Column, allowed: readonly T[]) => {
    const value = allowed.find((item) => item === cell(column));
    if (value === undefined) reject(column, `无效，只能是 ${allowed.join(" 或 ")}`);
    return value;
  };

  const countryCode = cell("countryCode");
  if (!/^\d+$/.test(countryCode)) reject("countryCode", "不是数字代码");
  const customerId = cell("customerID");
  if (customerId === "" || customerId.length > MAX_CLIENT_NAME) {
    reject("customerID", `无效，客户编号不能为空，最长 ${MAX_CLIENT_NAME} 个字符`);
  }
  const invoiceNumber = cell("invoiceNumber");
  if (invoiceNumber === "" || invoiceNumber.length > MAX_CONTRACT_NO) {
    reject("invoiceNumber", `无效，发票号不能为空，最长 ${MAX_CONTRACT_NO} 个字符`);
  }
  const amount = parseAmountFen(cell("InvoiceAmount"));
  if (amount === null) {
    reject("InvoiceAmount", "不是有效金额，应为大于 0、最多两位小数的数字，如 1234.50");
  }

  const invoice = {
    line: row.line,
    countryCode,
    customerId,
    paperlessDate: date("PaperlessDate"),
    invoiceNumber,
    invoiceDate: date("InvoiceDate"),
    dueDate: date("DueDate"),
    amount: amount ?? 0,
    disputed: oneOf("Disputed", ["Yes", "No"] as const) === "Yes",
    settledDate: date("SettledDate"),
    paperlessBill: oneOf("PaperlessBill", ["Paper", "Electronic"] as const) ?? "Paper",
  };
  if (issues.length > issueCount) return null;

  checkDayCounts(invoice, cell, reject);
  return issues.length > issueCount ? null : invoice;
}

/** Checks the file's own day counts against its dates, and the due date against the issue date. */
function checkDayCounts(
  invoice: IbmInvoice,
  cell: (column: Column) => string,
  reject: (column: Column, problem: string) => void,
): void {
  if (invoice.dueDate < invoice.invoiceDate) {
    reject("DueDate", `早于开票日期 InvoiceDate（${invoice.invoiceDate}）`);
  }

  const daysToSettle = daysBetween(invoice.invoiceDate, invoice.settledDate);
  if (cell("DaysToSettle") !== String(daysToSettle)) {
    reject(
      "DaysToSettle",
      `与 InvoiceDate 到 SettledDate 的天数 ${daysToSettle} 不符，请检查日期的月和日是否写反`,
    );
  }
  const daysLate = Math.max(0, daysBetween(invoice.dueDate, invoice.settledDate));
  if (cell("DaysLate") !== String(daysLate)) {
    reject(
      "DaysLate",
      `与 DueDate 到 SettledDate 的逾期天数 ${daysLate} 不符，请检查日期的月和日是否写反`,
    );
  }
}

function duplicateInvoiceNumbers(invoices: readonly IbmInvoice[]): ImportIssue[] {
  const firstLine = new Map<string, number>();
  const issues: ImportIssue[] = [];
  for (const invoice of invoices) {
    const first = firstLine.get(invoice.invoiceNumber);
    if (first === undefined) {
      firstLine.set(invoice.invoiceNumber, invoice.line);
      continue;
    }
    issues.push({
      line: invoice.line,
      column: "invoiceNumber",
      value: invoice.invoiceNumber,
      message: `第 ${invoice.line} 行 invoiceNumber "${invoice.invoiceNumber}" 与第 ${first} 行重复`,
    });
  }
  return issues;
}

/** Rows whose country code or paperless date differs from the customer's first row. */
function customerConflicts(invoices: readonly IbmInvoice[]): ImportIssue[] {
  const firstRow = new Map<string, IbmInvoice>();
  const issues: ImportIssue[] = [];
  for (const invoice of invoices) {
    const first = firstRow.get(invoice.customerId);
    if (!first) {
      firstRow.set(invoice.customerId, invoice);
      continue;
    }
    const fields = [
      ["countryCode", invoice.countryCode, first.countryCode],
      ["PaperlessDate", invoice.paperlessDate, first.paperlessDate],
    ] as const;
    for (const [column, value, expected] of fields) {
      if (value === expected) continue;
      issues.push({
        line: invoice.line,
        column,
        value,
        message: `第 ${invoice.line} 行客户 ${invoice.customerId} 的 ${column} "${value}" 与第 ${first.line} 行的 "${expected}" 不一致`,
      });
    }
  }
  return issues;
}

/** Business type every imported invoice is filed under, created on first import. */
export const INVOICE_BUSINESS_TYPE = "发票";

export interface IbmImportSummary {
  clientsCreated: number;
  /** Clients that already existed under a customer ID and were reused. */
  clientsReused: number;
  contracts: number;
  payments: number;
  /** Sum of the invoice amounts in fen, which equals the sum of the payments. */
  totalAmount: number;
  /** Fen the payments left unapplied; 0 when each one paid its own invoice. */
  credit: number;
  /** Last invoice or settlement date in the file, used as "today" while loading. */
  latestDate: string;
}

/**
 * Loads parsed invoices. Each customer ID becomes a client, or reuses the
 * client of that name. Each invoice becomes a one-installment contract of
 * the business type 发票, which keeps invoices apart from the agency's own
 * business types in reports. Each settlement becomes a payment naming its
 * contract. Contracts go first and payments follow in settlement order, so
 * every payment is applied to exactly its own invoice.
 *
 * Throws a CONFLICT AppError and writes nothing when any invoice number is
 * already a contract number, so running the import twice cannot duplicate.
 *
 * NOTE: each service call commits its own transaction, because Kysely does
 * not nest transactions. If loading stops midway (disk full, killed), the
 * database keeps what was written and a rerun is rejected; import into a
 * new database file then.
 */
export async function importIbmInvoices(
  db: Db,
  clock: Clock,
  invoices: readonly IbmInvoice[],
): Promise<IbmImportSummary> {
  await rejectImportedInvoices(db, invoices);

  const latestDate = invoices.reduce(
    (latest, invoice) => maxDate(latest, invoice.invoiceDate, invoice.settledDate),
    "",
  );
  const importClock = clockOnDate(clock, latestDate);
  const businessTypeId = await invoiceBusinessTypeId(db);

  const clients = await loadClients(db, importClock, invoices);
  const contractIds = await loadContracts(db, importClock, invoices, clients.ids, businessTypeId);
  const credit = await loadPayments(db, importClock, invoices, clients.ids, contractIds);

  return {
    clientsCreated: clients.created,
    clientsReused: clients.ids.size - clients.created,
    contracts: contractIds.size,
    payments: invoices.length,
    totalAmount: invoices.reduce((sum, invoice) => sum + invoice.amount, 0),
    credit,
    latestDate,
  };
}

function maxDate(...dates: string[]): string {
  return dates.reduce((latest, date) => (date > latest ? date : latest));
}

/**
 * Copies the caller's clock with "today" fixed to the file's last date.
 * recordPayment then accepts every settlement even when HUIKUAN_TODAY is an
 * earlier day, and reports on that day ignore the payments received later.
 */
function clockOnDate(clock: Clock, today: string): Clock {
  return { timeZone: clock.timeZone, today: () => today, nowIso: () => clock.nowIso() };
}

/**
 * Values bound per lookup query. SQLite's default limit is 32,766 bound
 * parameters since 3.32.0 and 999 before (sqlite.org/limits.html).
 */
const LOOKUP_CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += LOOKUP_CHUNK) {
    result.push(items.slice(start, start + LOOKUP_CHUNK));
  }
  return result;
}

async function rejectImportedInvoices(db: Db, invoices: readonly IbmInvoice[]): Promise<void> {
  const existing: string[] = [];
  for (const numbers of chunks(invoices.map((invoice) => invoice.invoiceNumber))) {
    const rows = await db
      .selectFrom("contract")
      .select("contract_no")
      .where("contract_no", "in", numbers)
      .execute();
    existing.push(...rows.map((row) => row.contract_no));
  }
  if (existing.length === 0) return;

  const examples = existing.slice(0, 5).join("、");
  throw new AppError(
    "CONFLICT",
    `数据库中已有 ${existing.length} 张本文件的发票（合同编号 ${examples} 等），为避免重复，本次未导入任何数据；请导入到新的数据库文件`,
  );
}

async function invoiceBusinessTypeId(db: Db): Promise<number> {
  const existing = await db
    .selectFrom("business_type")
    .select("id")
    .where("name", "=", INVOICE_BUSINESS_TYPE)
    .executeTakeFirst();
  if (existing) return existing.id;

  // Placed after the existing types, as the settings page adds one.
  const last = await db
    .selectFrom("business_type")
    .select((eb) => eb.fn.max<number>("sort_order").as("max"))
    .executeTakeFirst();
  const row = await db
    .insertInto("business_type")
    .values({ name: INVOICE_BUSINESS_TYPE, sort_order: (last?.max ?? 0) + 10 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Client ids by customer ID, creating the clients that do not exist yet. */
async function loadClients(db: Db, clock: Clock, invoices: readonly IbmInvoice[]) {
  const firstInvoice = new Map<string, IbmInvoice>();
  for (const invoice of invoices) {
    if (!firstInvoice.has(invoice.customerId)) firstInvoice.set(invoice.customerId, invoice);
  }
  const customerIds = [...firstInvoice.keys()].sort();

  const ids = new Map<string, number>();
  for (const names of chunks(customerIds)) {
    const rows = await db.selectFrom("client").select(["id", "name"]).where("name", "in", names).execute();
    for (const row of rows) ids.set(row.name, row.id);
  }

  let created = 0;
  for (const customerId of customerIds) {
    if (ids.has(customerId)) continue;
    const invoice = firstInvoice.get(customerId)!;
    const { clientId } = await createClient(db, clock, {
      name: customerId,
      contactPerson: "",
      phone: "",
      address: "",
      accountManagerId: null,
      notes: `国家/地区代码 ${invoice.countryCode}；${invoice.paperlessDate} 起改用电子账单。导入自 IBM 应收账款样例数据。`,
    });
    ids.set(customerId, clientId);
    created += 1;
  }
  return { ids, created };
}

/** Creates one contract per invoice, oldest first, and returns contract ids by invoice number. */
async function loadContracts(
  db: Db,
  clock: Clock,
  invoices: readonly IbmInvoice[],
  clientIds: ReadonlyMap<string, number>,
  businessTypeId: number,
): Promise<Map<string, number>> {
  const ordered = [...invoices].sort(
    (a, b) => a.invoiceDate.localeCompare(b.invoiceDate) || a.line - b.line,
  );
  const contractIds = new Map<string, number>();
  for (const invoice of ordered) {
    const notes = [invoice.disputed ? "客户有争议" : "", invoice.paperlessBill === "Electronic" ? "电子账单" : "纸质账单"];
    const { contractId } = await createContract(db, clock, {
      clientId: clientIds.get(invoice.customerId)!,
      contractNo: invoice.invoiceNumber,
      businessTypeId,
      title: `发票 ${invoice.invoiceNumber}`,
      signedOn: invoice.invoiceDate,
      serviceStart: null,
      serviceEnd: null,
      totalAmount: invoice.amount,
      mediaCost: 0,
      productionCost: 0,
      notes: notes.filter(Boolean).join("；"),
      installments: [{ label: "全款", dueDate: invoice.dueDate, amount: invoice.amount }],
    });
    contractIds.set(invoice.invoiceNumber, contractId);
  }
  return contractIds;
}

/** Records each settlement in date order and returns the fen left as client credit. */
async function loadPayments(
  db: Db,
  clock: Clock,
  invoices: readonly IbmInvoice[],
  clientIds: ReadonlyMap<string, number>,
  contractIds: ReadonlyMap<string, number>,
): Promise<number> {
  const ordered = [...invoices].sort(
    (a, b) => a.settledDate.localeCompare(b.settledDate) || a.line - b.line,
  );
  let credit = 0;
  for (const invoice of ordered) {
    const result = await recordPayment(db, clock, {
      clientId: clientIds.get(invoice.customerId)!,
      receivedOn: invoice.settledDate,
      amount: invoice.amount,
      method: "银行转账",
      bankReference: "",
      note: `结清发票 ${invoice.invoiceNumber}`,
      contractId: contractIds.get(invoice.invoiceNumber)!,
    });
    credit += result.credit;
  }
  return credit;
}
