import Link from "next/link";

import type { SearchParams } from "../lib/params";

/** Rows a long list shows per page. */
export const PAGE_SIZE = 100;

/**
 * Links to the previous and next page of a list, keeping the other query
 * parameters of the URL. `name` is the parameter holding this list's page,
 * so two lists on one page turn independently. Hidden when printing.
 */
export function Pager({
  path,
  params,
  name = "page",
  total,
  page,
  pageSize = PAGE_SIZE,
  unit = "条",
}: {
  path: string;
  params: SearchParams;
  name?: string;
  total: number;
  page: number;
  pageSize?: number;
  unit?: string;
}) {
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      // A repeated parameter keeps its first value, the one the page used.
      const used = Array.isArray(value) ? value[0] : value;
      if (typeof used === "string" && key !== name) query.set(key, used);
    }
    query.set(name, String(target));
    return `${path}?${query.toString()}`;
  };
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav aria-label="分页" className="no-print mt-3 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand-700 hover:underline">
          上一页
        </Link>
      ) : null}
      <span className="text-slate-500 tabular-nums">
        第 {page} / {pages} 页（共 {total} {unit}，本页第 {first}–{last} {unit}）
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className="text-brand-700 hover:underline">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}
