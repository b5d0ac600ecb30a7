import Link from "next/link";

import { Money, Table, Td, Th } from "../../components/ui";
import { nextSortOrder, type SortKey, type SortOrder, type SummaryTableRow } from "./sorting";
import type { Grouping, SummaryView } from "./views";

const NAME_LABELS: Record<Grouping, string> = {
  client: "客户",
  manager: "业务员",
  businessType: "业务类型",
};

/**
 * Renders the summary table: one row per client, manager or business type, sorted
 * by the server, with sort links in the column headings and a totals row.
 */
export function SummaryTable({
  view,
  grouping,
  rows,
  order,
  sortHref,
  typeFiltered,
}: {
  view: SummaryView;
  grouping: Grouping;
  rows: readonly SummaryTableRow[];
  order: SortOrder;
  sortHref: (order: SortOrder) => string;
  /** Whether a business-type filter is on, which leaves credit unknown. */
  typeFiltered: boolean;
}) {
  const heading = (key: SortKey, label: string, numeric = true) => (
    <Th numeric={numeric}>
      <SortLink order={order} sortKey={key} href={sortHref(nextSortOrder(order, key))} label={label} />
    </Th>
  );

  return (
    <Table>
      <thead>
        <tr>
          {heading("name", NAME_LABELS[grouping], false)}
          {grouping === "client" ? <Th>业务员</Th> : null}
          {grouping === "manager" ? heading("clientCount", "客户数") : null}
          {heading("contracted", "合同额")}
          {heading("received", "回款额")}
          {heading("outstanding", "应收余额")}
          {heading("overdue", "逾期金额")}
          {heading("credit", "预收款")}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="break-inside-avoid">
            <Td>
              {row.href ? (
                <Link href={row.href} className="text-brand-700 hover:underline">
                  {row.name}
                </Link>
              ) : (
                row.name
              )}
            </Td>
            {grouping === "client" ? <Td>{row.accountManagerName ?? "—"}</Td> : null}
            {grouping === "manager" ? <Td numeric>{row.clientCount}</Td> : null}
            <FigureCells row={row} creditKnown={grouping !== "businessType" && !typeFiltered} />
          </tr>
        ))}
        {view.unapplied ? (
          <tr className="bg-slate-50/60 text-slate-600">
            <Td>{view.unapplied.name}</Td>
            <Td numeric className="text-slate-400">—</Td>
            <Td numeric>
              <Money fen={view.unapplied.received} tone="success" />
            </Td>
            <Td numeric className="text-slate-400">—</Td>
            <Td numeric className="text-slate-400">—</Td>
            <Td numeric>
              <Money fen={view.unapplied.credit} />
            </Td>
          </tr>
        ) : null}
      </tbody>
      <tfoot>
        <tr className="font-semibold">
          <Td>合计（{rows.length} {grouping === "client" ? "家" : "项"}）</Td>
          {grouping === "client" ? <Td /> : null}
          {grouping === "manager" ? <Td numeric>{rows.reduce((sum, row) => sum + (row.clientCount ?? 0), 0)}</Td> : null}
          <FigureCells row={view.totals} creditKnown={!typeFiltered} />
        </tr>
      </tfoot>
    </Table>
  );
}

/** Renders the five amount cells, with a dash for credit where it is not known. */
function FigureCells({ row, creditKnown }: { row: Omit<SummaryTableRow, "key" | "name">; creditKnown: boolean }) {
  return (
    <>
      <Td numeric>
        <Money fen={row.contracted} />
      </Td>
      <Td numeric>
        <Money fen={row.received} tone="success" />
      </Td>
      <Td numeric>
        <Money fen={row.outstanding} />
      </Td>
      <Td numeric>
        <Money fen={row.overdue} tone="danger" />
      </Td>
      <Td numeric>{creditKnown ? <Money fen={row.credit} /> : <span className="text-slate-400">—</span>}</Td>
    </>
  );
}

/** Renders a column heading that sorts by it, with an arrow on the current column. */
function SortLink({
  order,
  sortKey,
  href,
  label,
}: {
  order: SortOrder;
  sortKey: SortKey;
  href: string;
  label: string;
}) {
  const current = order.key === sortKey;
  let arrow = "";
  let state = "点击排序";
  if (current && order.direction === "asc") {
    arrow = "↑";
    state = "当前升序";
  } else if (current) {
    arrow = "↓";
    state = "当前降序";
  }
  return (
    <Link
      href={href}
      aria-label={`${label}，${state}`}
      className={`inline-flex items-center gap-0.5 hover:text-brand-700 ${current ? "text-slate-900" : ""}`}
    >
      {label}
      <span aria-hidden className="inline-block w-2.5 text-center">
        {arrow}
      </span>
    </Link>
  );
}
