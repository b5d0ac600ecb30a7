import type { SearchParams } from "../lib/params";
import { EXPORT_ONLY_PARAMS, type ExportName } from "./registry";

/** Search parameters of a page that are messages after an action, not filters. */
const NON_FILTER_PARAMS = new Set<string>([...EXPORT_ONLY_PARAMS, "notice", "noted", "void"]);

/**
 * Renders 导出 Excel / 导出 CSV links to /export/{report} carrying the page's
 * current filters, so the file contains what the page shows. Hidden when
 * printing.
 */
export function ExportLinks({ report, params }: { report: ExportName; params: SearchParams }) {
  const href = (format: "xlsx" | "csv") => {
    const search = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(params)) {
      if (NON_FILTER_PARAMS.has(key) || value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
    }
    return `/export/${report}?${search.toString()}`;
  };
  // Plain links without the download attribute, so an error page shows in the browser instead of being saved.
  const linkClass =
    "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";

  return (
    <span className="no-print inline-flex gap-2">
      <a href={href("xlsx")} className={linkClass}>
        导出 Excel
      </a>
      <a href={href("csv")} className={linkClass}>
        导出 CSV
      </a>
    </span>
  );
}
