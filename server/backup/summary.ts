/** Chinese lines that the backup and restore commands print. */
import type { TableCounts } from "./sqlite-file";

/** Tables users know, in the order a summary lists them. */
const TABLE_LABELS: Record<string, string> = {
  client: "客户",
  contract: "合同",
  installment: "收款分期",
  payment: "回款记录",
  allocation: "核销明细",
  staff: "业务员",
  business_type: "业务类型",
  setting: "系统设置",
};

/** Row counts, known tables first by their Chinese names, then the rest by table name. */
export function formatTableCounts(tables: TableCounts): string {
  const known = Object.keys(TABLE_LABELS).filter((table) => table in tables);
  const others = Object.keys(tables)
    .filter((table) => !(table in TABLE_LABELS))
    .sort();
  return [
    ...known.map((table) => `${TABLE_LABELS[table]} ${tables[table]}`),
    ...others.map((table) => `${table} ${tables[table]}`),
  ].join("，");
}

/** Size in binary units, e.g. 440.0 KiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
