import { cashFlowExport, trendExport } from "./workbooks/analytics";
import type { ExportDefinition } from "./workbooks/common";
import { contactsExport } from "./workbooks/contacts";
import { auditExport, clientsExport, costsExport, paymentsExport, remindersExport } from "./workbooks/lists";
import { agingExport, speedExport, summaryExport, valueExport } from "./workbooks/reports";

/** Every export by its URL segment: /export/aging?format=xlsx&… */
export const EXPORTS = {
  clients: clientsExport,
  payments: paymentsExport,
  reminders: remindersExport,
  costs: costsExport,
  audit: auditExport,
  summary: summaryExport,
  aging: agingExport,
  speed: speedExport,
  value: valueExport,
  trend: trendExport,
  "cash-flow": cashFlowExport,
  contacts: contactsExport,
} as const satisfies Record<string, ExportDefinition>;

export type ExportName = keyof typeof EXPORTS;

/** Output formats, with their media types. */
export const EXPORT_FORMATS = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Search parameters that belong to the export link, not to the page's filters. */
export const EXPORT_ONLY_PARAMS = ["format"] as const;
