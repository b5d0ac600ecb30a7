import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { agingInput } from "../../app/reports/aging/params";
import { EXPORTS } from "../../app/export/registry";
import { ExportRequestError } from "../../app/export/workbooks/common";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { writeCsv } from "../../server/export/csv";
import type { Sheet } from "../../server/export/sheet";
import { writeXlsx } from "../../server/export/xlsx";
import { createTestContext, type TestContext, testUser } from "../support/context";

/**
 * Each export must contain exactly what its page shows: the workbook rows
 * are compared with the rows of the procedure the page calls, under the
 * same search parameters.
 */
describe("exports", () => {
  let context: TestContext;
  let managerId: number;
  let businessTypeId: number;

  beforeAll(async () => {
    context = await createTestContext("2026-12-04");
    await seedDemoIfEmpty(context.db, context.clock);
    const staff = await context.caller.settings.staff();
    managerId = staff[0]!.id;
    businessTypeId = (await context.caller.settings.businessTypes())[0]!.id;
  });

  const firstColumn = (sheet: Sheet) => sheet.rows.map((row) => row[0]);

  it("aging rows equal the procedure's", async () => {
    const params = { asOf: "2026-10-31", accountManagerId: String(managerId) };

    const { workbook, date } = await EXPORTS.aging.build(context.caller, params);
    const report = await context.caller.aging.report(agingInput(params));

    const sheet = workbook.sheets[0]!;
    expect(date).toBe("2026-10-31");
    expect(report.clients.length).toBeGreaterThan(0);
    expect(sheet.rows).toEqual(
      report.clients.map((row) => [row.clientName, row.accountManagerName, ...row.amounts, row.outstanding]),
    );
    expect(sheet.totals).toEqual(["合计", null, ...report.totals, report.outstanding]);
    expect(workbook.notes).toContain(`业务员：${(await context.caller.settings.staff())[0]!.name}`);
  });

  it("aging xlsx money equals the procedure's fen", async () => {
    const { workbook } = await EXPORTS.aging.build(context.caller, {});
    const report = await context.caller.aging.report({});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsx(workbook)) as unknown as ArrayBuffer);

    const sheet = book.worksheets[0]!;
    const lastColumn = report.buckets.length + 3;
    report.clients.forEach((row, index) => {
      const cell = sheet.getCell(index + 2, lastColumn);
      expect(Math.round((cell.value as number) * 100)).toBe(row.outstanding);
      expect(cell.value).toBe(row.outstanding / 100);
    });
    expect(sheet.getCell(report.clients.length + 2, lastColumn).value).toBe(report.outstanding / 100);
  });

  it("client list rows equal the procedure's", async () => {
    const params = { q: "上海" };

    const { workbook } = await EXPORTS.clients.build(context.caller, params);
    const data = await context.caller.clients.listWithBalances({ search: "上海" });

    const sheet = workbook.sheets[0]!;
    expect(data.rows.length).toBeGreaterThan(0);
    expect(firstColumn(sheet)).toEqual(data.rows.map((row) => row.name));
    expect(sheet.rows.map((row) => row[4])).toEqual(data.rows.map((row) => row.outstanding));
    expect(sheet.totals?.[4]).toBe(data.totals.outstanding);
  });

  it("payment list honours the filters", async () => {
    const params = { from: "2026-06-01", to: "2026-09-30", reversed: "1" };

    const { workbook, date } = await EXPORTS.payments.build(context.caller, params);
    const data = await context.caller.payments.list({ from: "2026-06-01", to: "2026-09-30", search: undefined, includeReversed: true });

    const sheet = workbook.sheets[0]!;
    expect(date).toBe("2026-09-30");
    expect(sheet.rows.map((row) => [row[0], row[1], row[5]])).toEqual(
      data.payments.map((payment) => [payment.receivedOn, payment.clientName, payment.amount]),
    );
    expect(sheet.totals?.[5]).toBe(data.totals.amount);
  });

  it("reminder sheets equal the procedure's", async () => {
    const params = { asOf: "2026-11-15", horizonDays: "30" };

    const { workbook } = await EXPORTS.reminders.build(context.caller, params);
    const data = await context.caller.reports.reminders({ asOf: "2026-11-15", horizonDays: 30 });

    const [clients, upcoming] = workbook.sheets;
    expect(firstColumn(clients!)).toEqual(data.clients.map((row) => row.client.name));
    expect(clients!.rows.map((row) => row[5])).toEqual(data.clients.map((row) => row.overdue));
    expect(upcoming!.rows.map((row) => [row[0], row[4], row[6]])).toEqual(
      data.upcoming.map((item) => [item.dueDate, item.contractNo, item.outstanding]),
    );
  });

  it("summary by manager equals the procedure's", async () => {
    const params = { groupBy: "manager", from: "2026-01-01", asOf: "2026-11-30", sort: "received", dir: "asc" };

    const { workbook } = await EXPORTS.summary.build(context.caller, params);
    const data = await context.caller.reports.summaryByManager({ from: "2026-01-01", asOf: "2026-11-30" });

    const sheet = workbook.sheets[0]!;
    const expected = [...data.rows].sort((a, b) => a.received - b.received || (a.accountManagerName ?? "未分配业务员").localeCompare(b.accountManagerName ?? "未分配业务员", "zh-CN"));
    expect(sheet.rows.map((row) => [row[0], row[1], row[3]])).toEqual(
      expected.map((row) => [row.accountManagerName ?? "未分配业务员", row.clientCount, row.received]),
    );
    expect(sheet.totals?.slice(2)).toEqual([
      data.totals.contracted,
      data.totals.received,
      data.totals.outstanding,
      data.totals.overdue,
      data.totals.credit,
    ]);
  });

  it("summary by business type lists unapplied money", async () => {
    const { workbook } = await EXPORTS.summary.build(context.caller, { groupBy: "businessType" });
    const data = await context.caller.reports.summaryByBusinessType({});

    const sheet = workbook.sheets[0]!;
    expect(sheet.rows).toHaveLength(data.rows.length + (data.unapplied ? 1 : 0));
    expect(sheet.totals?.[2]).toBe(data.totals.received);
  });

  it("summary rejects an unknown grouping", async () => {
    await expect(EXPORTS.summary.build(context.caller, { groupBy: "x" })).rejects.toThrow(ExportRequestError);
  });

  it("speed rows follow the page's order", async () => {
    const params = { from: "2026-01-01", asOf: "2026-11-30", businessTypeId: String(businessTypeId), sort: "due", dir: "desc" };

    const { workbook } = await EXPORTS.speed.build(context.caller, params);
    const report = await context.caller.speed.ranking({ from: "2026-01-01", asOf: "2026-11-30", businessTypeId });

    const sheet = workbook.sheets[0]!;
    const expected = [...report.ranked].sort((a, b) => b.dueInPeriod - a.dueInPeriod || a.clientName.localeCompare(b.clientName, "zh-CN"));
    expect(firstColumn(sheet)).toEqual(expected.map((row) => row.clientName));
    expect(sheet.rows.map((row) => row[3])).toEqual(expected.map((row) => row.weightedDaysLate));
    expect(sheet.rows.map((row) => row[7])).toEqual(expected.map((row) => row.dueInPeriod));
  });

  it("trend months equal the procedure's", async () => {
    const params = { from: "2025-06", to: "2026-11", thresholdPercent: "20", month: "2026-02" };

    const { workbook } = await EXPORTS.trend.build(context.caller, params);
    const report = await context.caller.trend.report({ from: "2025-06", to: "2026-11", thresholdPercent: 20 });
    const drillDown = await context.caller.trend.drillDown({ month: "2026-02" });

    const months = workbook.sheets[0]!;
    const totalColumn = report.businessTypes.length + 1;
    expect(firstColumn(months)).toEqual(report.months.map((month) => month.month));
    expect(months.rows.map((row) => row[totalColumn])).toEqual(report.months.map((month) => month.total));
    expect(months.rows.map((row) => row[totalColumn + 2])).toEqual(
      report.months.map((month) => (month.yearOnYearBasisPoints === null ? null : month.yearOnYearBasisPoints / 10_000)),
    );
    expect(months.rows.filter((row) => row[totalColumn + 4] !== null)).toHaveLength(
      report.months.filter((month) => month.unusual.length > 0).length,
    );
    const clients = workbook.sheets.find((sheet) => sheet.name === "2026-02 同比按客户")!;
    expect(clients.rows.map((row) => [row[0], row[3]])).toEqual(drillDown.clients.map((entry) => [entry.name, entry.change]));
  });

  it("cash flow months equal the procedure's", async () => {
    const params = { from: "2026-01", to: "2026-11", divergencePoints: "5" };

    const { workbook } = await EXPORTS["cash-flow"].build(context.caller, params);
    const report = await context.caller.costs.cashFlow({ from: "2026-01", to: "2026-11", divergencePoints: 5 });

    const [months, , contractCosts, warnings] = workbook.sheets;
    expect(months!.rows).toEqual(
      report.months.map((month) => [month.month, month.cashIn, month.cashOut, month.net, month.cumulativeNet]),
    );
    expect(contractCosts!.rows.map((row) => row[3])).toEqual(report.contractCosts.map((row) => row.total));
    expect(firstColumn(warnings!)).toEqual(report.warnings.map((warning) => warning.month));
  });

  it("value, costs and audit exports build", async () => {
    for (const name of ["value", "costs", "audit"] as const) {
      const { workbook } = await EXPORTS[name].build(context.caller, {});
      expect(() => writeCsv(workbook), name).not.toThrow();
      await expect(writeXlsx(workbook), name).resolves.toBeInstanceOf(Buffer);
    }
  });

  it("contact log rows equal the procedure's", async () => {
    const contacts = await context.caller.collections.listContacts({ includeVoided: true });
    const clientId = contacts[0]?.clientId;
    expect(clientId).toBeDefined();

    const { workbook } = await EXPORTS.contacts.build(context.caller, { clientId: String(clientId), voided: "1" });
    const ofClient = await context.caller.collections.listContacts({ clientId, includeVoided: true });

    const sheet = workbook.sheets[0]!;
    expect(sheet.rows.map((row) => [row[0], row[1], row[3], row[4]])).toEqual(
      ofClient.map((contact) => [contact.contactedAt.replace("T", " "), contact.clientName, contact.channel, contact.person]),
    );
  });

  it("account manager exports only own clients", async () => {
    const manager = context.callerAs(testUser("account_manager", managerId));

    const { workbook } = await EXPORTS.aging.build(manager, {});
    const own = await context.caller.aging.report({ accountManagerId: managerId });

    expect(firstColumn(workbook.sheets[0]!)).toEqual(own.clients.map((row) => row.clientName));
  });

  it("viewer cannot export audit log", async () => {
    const viewer = context.callerAs(testUser("viewer"));

    await expect(EXPORTS.audit.build(viewer, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("bad parameters reject with a Chinese message", async () => {
    await expect(EXPORTS.aging.build(context.caller, { asOf: "2026-13-01" })).rejects.toThrow(/截止日期 "2026-13-01"/);
    await expect(EXPORTS.trend.build(context.caller, { month: "2026-99" })).rejects.toThrow(/月份 "2026-99"/);
  });
});
