import fs from "node:fs";

import { beforeAll, describe, expect, it } from "vitest";

import { importIbmInvoices, parseIbmCsv } from "../../server/import/ibm";
import { createTestContext, type TestContext } from "../support/context";
import { dayNumber, type FileInvoice, IBM_CSV_FILE, readIbmInvoices } from "../support/ibm-expected";

const CSV_TEXT = fs.readFileSync(IBM_CSV_FILE, "utf8");

/**
 * Payment speed and monthly revenue on the IBM sample invoices are checked
 * against figures computed here from the raw CSV rows. The test uses code
 * of its own (no importer, service or domain function), so a shared
 * mistake cannot hide on both sides. Every invoice is one contract signed
 * on InvoiceDate with one installment due on DueDate, paid in full on
 * SettledDate.
 */

interface ExpectedSpeed {
  dueInPeriod: number;
  paid: number;
  paidOnTime: number;
  openOverdue: number;
  /** Σ fen × days late. */
  lateFenDays: number;
  /** Σ fen × days from invoice (signing) to settlement, over paid fen. */
  signFenDays: number;
  overdueNow: number;
  oldestOverdueDue: string | null;
}

/**
 * Computes speed figures per customer for invoices due in [from, asOf], as
 * of asOf. Paid means settled by asOf. A payment is late by settled − due
 * days, or 0 when on or before the due date. An invoice still open on asOf
 * and due before it is late by asOf − due days. overdueNow covers every
 * invoice overdue on asOf, whatever its due date.
 */
function expectedSpeed(invoices: readonly FileInvoice[], from: string, asOf: string) {
  const customers = new Map<string, ExpectedSpeed>();
  const of = (customer: string) => {
    let figures = customers.get(customer);
    if (!figures) {
      figures = {
        dueInPeriod: 0,
        paid: 0,
        paidOnTime: 0,
        openOverdue: 0,
        lateFenDays: 0,
        signFenDays: 0,
        overdueNow: 0,
        oldestOverdueDue: null,
      };
      customers.set(customer, figures);
    }
    return figures;
  };

  for (const invoice of invoices) {
    const open = invoice.invoiceDate <= asOf && invoice.settledDate > asOf;
    if (open && invoice.dueDate < asOf) {
      const figures = of(invoice.customer);
      figures.overdueNow += invoice.fen;
      if (figures.oldestOverdueDue === null || invoice.dueDate < figures.oldestOverdueDue) {
        figures.oldestOverdueDue = invoice.dueDate;
      }
    }
    if (invoice.dueDate < from || invoice.dueDate > asOf) continue;

    const figures = of(invoice.customer);
    figures.dueInPeriod += invoice.fen;
    if (invoice.settledDate <= asOf) {
      const daysLate = Math.max(0, dayNumber(invoice.settledDate) - dayNumber(invoice.dueDate));
      figures.paid += invoice.fen;
      if (daysLate === 0) figures.paidOnTime += invoice.fen;
      figures.lateFenDays += invoice.fen * daysLate;
      figures.signFenDays += invoice.fen * (dayNumber(invoice.settledDate) - dayNumber(invoice.invoiceDate));
    } else if (invoice.dueDate < asOf) {
      figures.openOverdue += invoice.fen;
      figures.lateFenDays += invoice.fen * (dayNumber(asOf) - dayNumber(invoice.dueDate));
    }
  }
  return customers;
}

/** Grades a customer by the rule the speed page states, written out again here. */
function expectedGrade(figures: ExpectedSpeed, asOf: string): string {
  const weight = figures.paid + figures.openOverdue;
  const over90 = figures.oldestOverdueDue !== null && dayNumber(asOf) - dayNumber(figures.oldestOverdueDue) > 90;
  if (over90 || figures.lateFenDays > 45 * weight) return "D";
  if (figures.lateFenDays <= 0) return "A";
  if (figures.lateFenDays <= 15 * weight) return "B";
  return "C";
}

/** Monthly revenue: invoice amounts summed by the month of InvoiceDate (the signing date). */
function revenueByMonth(invoices: readonly FileInvoice[]): Map<string, number> {
  const months = new Map<string, number>();
  for (const invoice of invoices) {
    const month = invoice.invoiceDate.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + invoice.fen);
  }
  return months;
}

// 2013-06-30 leaves invoices open and overdue; 2014-01-31 is after the last settlement.
const SPEED_PERIODS = [
  { from: "2012-01-01", asOf: "2013-06-30" },
  { from: "2013-01-01", asOf: "2014-01-31" },
];

describe("IBM analytics", () => {
  const fileInvoices = readIbmInvoices();
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext("2014-01-31");
    await importIbmInvoices(context.db, context.clock, parseIbmCsv(CSV_TEXT));
  });

  it("test data covers late and open invoices", () => {
    const expected = expectedSpeed(fileInvoices, "2012-01-01", "2013-06-30");
    const figures = [...expected.values()];

    expect(figures.some((row) => row.openOverdue > 0)).toBe(true);
    expect(figures.some((row) => row.paid > row.paidOnTime)).toBe(true);
    expect(figures.some((row) => row.lateFenDays === 0 && row.paid > 0)).toBe(true);
  });

  it.each(SPEED_PERIODS)("speed figures match the file from $from to $asOf", async ({ from, asOf }) => {
    const expected = expectedSpeed(fileInvoices, from, asOf);

    const report = await context.caller.speed.ranking({ from, asOf });

    const actual = Object.fromEntries(
      report.clients.map((row) => [
        row.clientName,
        {
          dueInPeriod: row.dueInPeriod,
          paid: row.paid,
          paidOnTime: row.paidOnTime,
          openOverdue: row.openOverdue,
          lateFenDays: row.lateFenDays,
          overdueNow: row.overdueNow,
        },
      ]),
    );
    const wanted = Object.fromEntries(
      [...expected].map(([customer, figures]) => [
        customer,
        {
          dueInPeriod: figures.dueInPeriod,
          paid: figures.paid,
          paidOnTime: figures.paidOnTime,
          openOverdue: figures.openOverdue,
          lateFenDays: figures.lateFenDays,
          overdueNow: figures.overdueNow,
        },
      ]),
    );
    expect(actual).toEqual(wanted);
  });

  it.each(SPEED_PERIODS)("speed averages match the file from $from to $asOf", async ({ from, asOf }) => {
    const expected = expectedSpeed(fileInvoices, from, asOf);

    const report = await context.caller.speed.ranking({ from, asOf });

    for (const row of report.clients) {
      const figures = expected.get(row.clientName)!;
      const weight = figures.paid + figures.openOverdue;
      expect(row.weightedDaysLate, row.clientName).toBe(weight > 0 ? figures.lateFenDays / weight : null);
      expect(row.onTimePercent, row.clientName).toBe(
        figures.dueInPeriod > 0 ? (figures.paidOnTime * 100) / figures.dueInPeriod : null,
      );
      expect(row.daysToPay, row.clientName).toBe(figures.paid > 0 ? figures.signFenDays / figures.paid : null);
      expect(row.grade, row.clientName).toBe(weight > 0 ? expectedGrade(figures, asOf) : null);
    }
  });

  it.each(SPEED_PERIODS)("speed ranking order matches the file from $from to $asOf", async ({ from, asOf }) => {
    const expected = expectedSpeed(fileInvoices, from, asOf);
    const withFigures = [...expected].filter(([, figures]) => figures.paid + figures.openOverdue > 0);
    const averages = withFigures.map(([customer, figures]) => ({
      customer,
      // Compared as exact fractions: fen-days and fen are integers.
      late: { numerator: figures.lateFenDays, denominator: figures.paid + figures.openOverdue },
      onTime: { numerator: figures.paidOnTime, denominator: figures.dueInPeriod },
    }));
    const compareFractions = (
      a: { numerator: number; denominator: number },
      b: { numerator: number; denominator: number },
    ) => Math.sign(a.numerator * b.denominator - b.numerator * a.denominator);
    const order = averages
      .sort(
        (a, b) =>
          compareFractions(a.late, b.late) ||
          compareFractions(b.onTime, a.onTime) ||
          a.customer.localeCompare(b.customer, "zh-CN"),
      )
      .map((entry) => entry.customer);

    const report = await context.caller.speed.ranking({ from, asOf });

    expect(report.ranked.map((row) => row.clientName)).toEqual(order);
    expect(report.best.map((row) => row.clientName)).toEqual(order.slice(0, 10));
    expect(report.worst.map((row) => row.clientName)).toEqual(order.slice(-10).reverse());
  });

  it("monthly revenue matches the file", async () => {
    const expected = revenueByMonth(fileInvoices);

    const report = await context.caller.trend.report({ from: "2011-12", to: "2014-01" });

    expect(report.months).toHaveLength(26);
    for (const month of report.months) {
      expect(month.total, month.month).toBe(expected.get(month.month) ?? 0);
    }
    expect(report.months.reduce((sum, month) => sum + month.total, 0)).toBe(
      fileInvoices.reduce((sum, invoice) => sum + invoice.fen, 0),
    );
  });

  it("yearly revenue matches the file", async () => {
    const byYear = (year: string) =>
      fileInvoices.filter((invoice) => invoice.invoiceDate.startsWith(year)).reduce((sum, invoice) => sum + invoice.fen, 0);

    const report = await context.caller.trend.report({ from: "2012-01", to: "2013-12" });

    expect(report.years.map((row) => [row.period, row.total])).toEqual([
      ["2012", byYear("2012")],
      ["2013", byYear("2013")],
    ]);
  });

  it("revenue changes match the file", async () => {
    const expected = revenueByMonth(fileInvoices);
    // Basis points of (now − before) ÷ before, as a fraction checked within half a point.
    const change = (now: number, before: number) => ((now - before) * 10_000) / before;

    const report = await context.caller.trend.report({ from: "2012-01", to: "2013-12" });

    for (const month of report.months.filter((entry) => entry.month >= "2013-01")) {
      const lastYear = `2012-${month.month.slice(5)}`;
      const expectedChange = change(expected.get(month.month)!, expected.get(lastYear)!);
      expect(Math.abs(month.yearOnYearBasisPoints! - expectedChange), month.month).toBeLessThanOrEqual(0.5);
    }
  });

  it("drill-down per customer matches the file", async () => {
    const month = "2013-03";
    const totalsOf = (prefix: string) => {
      const totals = new Map<string, number>();
      for (const invoice of fileInvoices.filter((entry) => entry.invoiceDate.startsWith(prefix))) {
        totals.set(invoice.customer, (totals.get(invoice.customer) ?? 0) + invoice.fen);
      }
      return totals;
    };
    const now = totalsOf(month);
    const before = totalsOf("2012-03");
    const customers = new Set([...now.keys(), ...before.keys()]);

    const drillDown = await context.caller.trend.drillDown({ month });

    const actual = Object.fromEntries(drillDown.clients.map((entry) => [entry.name, [entry.total, entry.lastYearTotal]]));
    const expected = Object.fromEntries([...customers].map((customer) => [customer, [now.get(customer) ?? 0, before.get(customer) ?? 0]]));
    expect(actual).toEqual(expected);
    expect(drillDown.change).toBe(
      [...now.values()].reduce((a, b) => a + b, 0) - [...before.values()].reduce((a, b) => a + b, 0),
    );
  });
});
