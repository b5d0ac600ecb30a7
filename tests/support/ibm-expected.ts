import fs from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Expected figures of the IBM invoice history, computed straight from the
 * CSV with code of the tests' own, so a mistake in an importer's parser
 * cannot hide on both sides. The CSV lives in shared/, checked out beside
 * the project.
 */

export const IBM_CSV_FILE = fileURLToPath(new URL("../../../shared/data/ibm-accounts-receivable.csv", import.meta.url));

export interface FileInvoice {
  customer: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  settledDate: string;
  fen: number;
}

function isoDate(usDate: string): string {
  const [month, day, year] = usDate.split("/");
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

function toFen(yuan: string): number {
  const [whole, cents = ""] = yuan.split(".");
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}

export function dayNumber(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year!, month! - 1, day!) / 86_400_000;
}

export function readIbmInvoices(): FileInvoice[] {
  const [headerLine, ...lines] = fs.readFileSync(IBM_CSV_FILE, "utf8").trim().split(/\r?\n/);
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
    };
  });
}

/** Aging bucket of an unpaid invoice: 未到期, 1–30, 31–60, 61–90, 91–180, 181–365, >365. */
function bucketOf(daysOverdue: number): number {
  const upperBounds = [0, 30, 60, 90, 180, 365];
  const index = upperBounds.findIndex((bound) => daysOverdue <= bound);
  return index === -1 ? upperBounds.length : index;
}

/** Outstanding, overdue and aging buckets as of a date. */
export function expectedAging(invoices: readonly FileInvoice[], asOf: string) {
  const unpaid = invoices.filter((i) => i.invoiceDate <= asOf && i.settledDate > asOf);
  const aging = [0, 0, 0, 0, 0, 0, 0];
  let overdue = 0;
  for (const invoice of unpaid) {
    const days = dayNumber(asOf) - dayNumber(invoice.dueDate);
    if (invoice.dueDate < asOf) overdue += invoice.fen;
    aging[bucketOf(days)]! += invoice.fen;
  }
  return { aging, outstanding: unpaid.reduce((sum, i) => sum + i.fen, 0), overdue };
}

/** Invoice totals by month of the invoice date, 'YYYY-MM' → fen. */
export function expectedMonthlyRevenue(invoices: readonly FileInvoice[]): Map<string, number> {
  const months = new Map<string, number>();
  for (const invoice of invoices) {
    const month = invoice.invoiceDate.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + invoice.fen);
  }
  return months;
}

export interface ExpectedSpeed {
  dueInPeriod: number;
  paid: number;
  paidOnTime: number;
  openOverdue: number;
  lateFenDays: number;
}

/**
 * Payment speed per customer over invoices due in [from, asOf]: fen due,
 * fen paid by asOf and on time, fen still overdue on asOf, and fen × days
 * late summed over paid and overdue fen.
 */
export function expectedSpeed(invoices: readonly FileInvoice[], from: string, asOf: string): Record<string, ExpectedSpeed> {
  const result: Record<string, ExpectedSpeed> = {};
  for (const invoice of invoices) {
    if (invoice.dueDate < from || invoice.dueDate > asOf) continue;
    const row = (result[invoice.customer] ??= { dueInPeriod: 0, paid: 0, paidOnTime: 0, openOverdue: 0, lateFenDays: 0 });
    row.dueInPeriod += invoice.fen;
    if (invoice.settledDate <= asOf) {
      const late = Math.max(0, dayNumber(invoice.settledDate) - dayNumber(invoice.dueDate));
      row.paid += invoice.fen;
      if (late === 0) row.paidOnTime += invoice.fen;
      row.lateFenDays += invoice.fen * late;
    } else if (invoice.dueDate < asOf) {
      row.openOverdue += invoice.fen;
      row.lateFenDays += invoice.fen * (dayNumber(asOf) - dayNumber(invoice.dueDate));
    }
  }
  return result;
}
