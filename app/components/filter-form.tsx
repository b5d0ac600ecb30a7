import type { ReactNode } from "react";

/**
 * A GET form for report parameters, so every report view is a link that
 * can be bookmarked, shared and printed.
 */
export function FilterForm({ children, resetHref }: { children: ReactNode; resetHref?: string }) {
  return (
    <form method="get" className="no-print mb-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      {children}
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        查询
      </button>
      {resetHref ? (
        <a href={resetHref} className="px-2 py-1.5 text-sm text-slate-600 hover:underline">
          重置
        </a>
      ) : null}
    </form>
  );
}

export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <span className="mt-1">{children}</span>
    </label>
  );
}

export const FILTER_INPUT =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-brand-600 focus:outline-none";
