/**
 * The reminder digests of one day: each account manager's, over their own
 * clients, and finance's, over every client. Installments with an open
 * dispute are left out, as automatic reminders must not chase them.
 */
import type { Db } from "../../db";
import { openInstallmentsAsOf } from "../../db/queries/balances";
import { clientDirectory } from "../../db/queries/clients";
import { openDisputedInstallmentIds } from "../../db/queries/disputes";
import { daysBetween } from "../domain/dates";
import { formatYuan } from "../domain/money";
import { type ReminderReason, type ReminderRules, reminderReason } from "./rules";

export interface ReminderItem {
  installmentId: number;
  clientId: number;
  clientName: string;
  accountManagerId: number | null;
  contractNo: string;
  label: string;
  dueDate: string;
  /** Still due on the run date, in fen. */
  outstanding: number;
  reason: ReminderReason;
  /** Days past the due date on the run date; negative before it. */
  daysOverdue: number;
}

export interface Digest {
  /** manager:<staff id> or finance; part of the send log's unique key. */
  key: string;
  staffId: number | null;
  title: string;
  items: ReminderItem[];
}

/**
 * Open installments on `date` that meet a rule on one of `days`, at or
 * above the minimum amount and not disputed, most urgent first.
 */
export async function collectReminderItems(
  db: Db,
  date: string,
  days: readonly string[],
  rules: ReminderRules,
): Promise<ReminderItem[]> {
  const open = await openInstallmentsAsOf(db, date);
  const disputed = await openDisputedInstallmentIds(db, date);
  const candidates = open.filter((item) => item.outstanding >= rules.minAmount && !disputed.has(item.installmentId));
  if (candidates.length === 0) return [];

  const clientById = await clientDirectory(db, candidates.map((item) => item.clientId));

  const items: ReminderItem[] = [];
  for (const item of candidates) {
    const reason = reminderReason(item.dueDate, days, rules);
    if (!reason) continue;
    const client = clientById.get(item.clientId);
    items.push({
      installmentId: item.installmentId,
      clientId: item.clientId,
      clientName: client?.name ?? `客户 ${item.clientId}`,
      accountManagerId: client?.accountManagerId ?? null,
      contractNo: item.contractNo,
      label: item.label,
      dueDate: item.dueDate,
      outstanding: item.outstanding,
      reason,
      daysOverdue: daysBetween(item.dueDate, date),
    });
  }
  return items.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || b.outstanding - a.outstanding || a.installmentId - b.installmentId,
  );
}

/** Builds one digest per account manager with items, and finance's over all items; none when there are no items. */
export function buildDigests(
  date: string,
  items: readonly ReminderItem[],
  staff: readonly { id: number; name: string }[],
): Digest[] {
  if (items.length === 0) return [];

  const digests: Digest[] = [];
  for (const person of staff) {
    const own = items.filter((item) => item.accountManagerId === person.id);
    if (own.length === 0) continue;
    digests.push({ key: `manager:${person.id}`, staffId: person.id, title: `回款提醒 ${date}（${person.name}）`, items: own });
  }
  digests.push({ key: "finance", staffId: null, title: `回款提醒汇总 ${date}（全部客户）`, items: [...items] });
  return digests;
}

const SECTIONS: readonly { reason: ReminderReason; heading: string }[] = [
  { reason: "overdue", heading: "已逾期" },
  { reason: "due", heading: "今日到期" },
  { reason: "upcoming", heading: "即将到期" },
];

function itemLine(item: ReminderItem): string {
  const timing = timingText(item.daysOverdue);
  const label = item.label ? ` ${item.label}` : "";
  return `${item.clientName}｜合同 ${item.contractNo}${label}｜到期日 ${item.dueDate}｜未收 ${formatYuan(item.outstanding)}｜${timing}`;
}

function timingText(daysOverdue: number): string {
  if (daysOverdue > 0) return `逾期 ${daysOverdue} 天`;
  if (daysOverdue === 0) return "今日到期";
  return `${-daysOverdue} 天后到期`;
}

function totalLine(items: readonly ReminderItem[]): string {
  const total = items.reduce((sum, item) => sum + item.outstanding, 0);
  return `共 ${items.length} 笔，未收合计 ${formatYuan(total)}`;
}

/** Renders the digest as plain text, for e-mail. */
export function renderText(digest: Digest): string {
  const lines = [digest.title, totalLine(digest.items)];
  for (const section of SECTIONS) {
    const items = digest.items.filter((item) => item.reason === section.reason);
    if (items.length === 0) continue;
    lines.push("", `【${section.heading}】${totalLine(items)}`);
    lines.push(...items.map((item) => `- ${itemLine(item)}`));
  }
  lines.push("", "本邮件由回款系统自动发送；有争议的分期不在提醒之列。");
  return lines.join("\n");
}

/** Renders the digest as markdown, for the chat robots. */
export function renderMarkdown(digest: Digest): string {
  const lines = [`### ${digest.title}`, totalLine(digest.items)];
  for (const section of SECTIONS) {
    const items = digest.items.filter((item) => item.reason === section.reason);
    if (items.length === 0) continue;
    lines.push("", `**${section.heading}**：${totalLine(items)}`);
    lines.push(...items.map((item) => `- ${itemLine(item)}`));
  }
  return lines.join("\n");
}
