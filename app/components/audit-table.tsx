import { AUDIT_ENTITY_LABELS } from "../../server/services/audit-log";
import { formatTimestamp } from "../lib/timestamp";
import { EmptyState, Table, Td, Th } from "./ui";

export interface AuditRow {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Chinese names of the mutation procedures. */
export const ACTION_LABELS: Record<string, string> = {
  "clients.create": "新增客户",
  "clients.update": "修改客户",
  "contracts.create": "新增合同",
  "contracts.update": "修改合同",
  "payments.record": "登记回款",
  "payments.reverse": "冲销回款",
  "settings.saveCompany": "修改公司资料",
  "settings.addStaff": "新增业务员",
  "settings.addBusinessType": "新增业务类型",
  "users.create": "新增账号",
  "users.update": "修改账号",
  "users.setDisabled": "停用/启用账号",
  "users.setPassword": "重置密码",
};

/** Column names shown in the change summary, for the fields users know. */
const FIELD_LABELS: Record<string, string> = {
  name: "名称",
  contact_person: "联系人",
  phone: "电话",
  address: "地址",
  account_manager_id: "业务员",
  notes: "备注",
  contract_no: "合同编号",
  title: "合同内容",
  signed_on: "签订日期",
  total_amount: "合同金额（分）",
  amount: "金额（分）",
  received_on: "收款日期",
  reversal_reason: "冲销原因",
  role: "角色",
  banned: "停用",
  value: "内容",
};

const MAX_CHANGES = 6;

/** Lists the fields whose values differ, as "名称：甲 → 乙". */
function changes(row: AuditRow): string[] {
  if (!row.before || !row.after) return [];
  const lines: string[] = [];
  for (const [key, label] of Object.entries(FIELD_LABELS)) {
    const before = row.before[key];
    const after = row.after[key];
    if (before === after || (typeof before === "object" && before !== null)) continue;
    if (!(key in row.before) && !(key in row.after)) continue;
    lines.push(`${label}：${shown(before)} → ${shown(after)}`);
  }
  return lines.slice(0, MAX_CHANGES);
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "（空）";
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function subject(row: AuditRow): string {
  const values = row.after ?? row.before;
  const name = values?.contract_no ?? values?.name;
  if (typeof name === "string") return name;
  const label = AUDIT_ENTITY_LABELS[row.entity] ?? row.entity;
  return row.entityId ? `${label} #${row.entityId}` : label;
}

function ChangeSummary({ created, lines }: { created: boolean; lines: readonly string[] }) {
  if (created) return <>新建</>;
  if (lines.length === 0) return <>—</>;
  return lines.map((line) => <div key={line}>{line}</div>);
}

/** Renders audit rows as a table: when, who, what, on which record, what changed. */
export function AuditTable({ rows, timeZone }: { rows: readonly AuditRow[]; timeZone: string }) {
  if (rows.length === 0) {
    return <EmptyState title="还没有操作记录" />;
  }
  return (
    <Table>
      <thead>
        <tr>
          <Th>时间</Th>
          <Th>操作人</Th>
          <Th>操作</Th>
          <Th>对象</Th>
          <Th>变更内容</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const lines = changes(row);
          return (
            <tr key={row.id} className="align-top">
              <Td className="tabular-nums whitespace-nowrap">{formatTimestamp(row.at, timeZone)}</Td>
              <Td className="whitespace-nowrap">{row.actorName}</Td>
              <Td className="whitespace-nowrap">{ACTION_LABELS[row.action] ?? row.action}</Td>
              <Td>{subject(row)}</Td>
              <Td className="text-xs text-slate-600">
                <ChangeSummary created={row.before === null} lines={lines} />
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** The change lines and record name of a row, for the operation log export. */
export { changes as auditChanges, subject as auditSubject };
