import { formatChineseDate } from "../../../server/domain/dates";
import type { Sheet } from "../../../server/export/sheet";
import { AUDIT_ENTITY_LABELS } from "../../../server/services/audit-log";
import { auditChanges, auditSubject, ACTION_LABELS } from "../../components/audit-table";
import { auditListInput } from "../../audit/params";
import { clientListInput } from "../../clients/params";
import { costListInput } from "../../costs/params";
import { formatTimestamp } from "../../lib/timestamp";
import { paymentListInput } from "../../payments/params";
import { remindersInput } from "../../reminders/params";
import { type ExportDefinition, filterLine, valueLine } from "./common";

export const clientsExport: ExportDefinition = {
  kind: "客户列表",
  slug: "clients",
  async build(caller, params) {
    const input = clientListInput(params);
    const [data, staff] = await Promise.all([caller.clients.listWithBalances(input), caller.settings.staff()]);
    const sheet: Sheet = {
      name: "客户",
      columns: [
        { header: "客户名称", type: "text" },
        { header: "联系人", type: "text" },
        { header: "联系电话", type: "text" },
        { header: "业务员", type: "text" },
        { header: "应收余额", type: "money" },
        { header: "逾期金额", type: "money" },
        { header: "逾期天数", type: "integer" },
        { header: "预收款", type: "money" },
      ],
      rows: data.rows.map((row) => [
        row.name,
        row.contactPerson || null,
        row.phone || null,
        row.accountManagerName ?? "未指定",
        row.outstanding,
        row.overdue,
        // The page shows a dash for clients with nothing overdue.
        row.daysOverdue > 0 ? row.daysOverdue : null,
        row.credit,
      ]),
      totals: [`合计（${data.rows.length} 个客户）`, null, null, null, data.totals.outstanding, data.totals.overdue, null, data.totals.credit],
    };
    return {
      date: data.asOf,
      workbook: {
        title: "客户",
        notes: [
          `应收余额与逾期按 ${formatChineseDate(data.asOf)} 计算`,
          ...valueLine("搜索", input.search),
          ...filterLine("业务员", staff, input.accountManagerId),
          "逾期天数按最早一笔未收款的到期日计算；预收款是已收但尚未核销到任何分期的金额。",
        ],
        sheets: [sheet],
      },
    };
  },
};

export const paymentsExport: ExportDefinition = {
  kind: "回款记录",
  slug: "payments",
  async build(caller, params) {
    const input = paymentListInput(params);
    const [data, clock] = await Promise.all([caller.payments.list(input), caller.settings.clock()]);
    const sheet: Sheet = {
      name: "回款记录",
      columns: [
        { header: "收款日期", type: "date" },
        { header: "客户", type: "text" },
        { header: "收款方式", type: "text" },
        { header: "银行流水号", type: "text" },
        { header: "指定合同", type: "text" },
        { header: "收款金额", type: "money" },
        { header: "已核销", type: "money" },
        { header: "预收款", type: "money" },
        { header: "状态", type: "text" },
      ],
      rows: data.payments.map((payment) => [
        payment.receivedOn,
        payment.clientName,
        payment.method,
        payment.bankReference || null,
        payment.preferredContractNo ?? null,
        payment.amount,
        payment.applied,
        payment.unapplied,
        payment.reversedAt === null ? "有效" : "已冲销",
      ]),
      totals: [null, `合计（有效回款 ${data.totals.count} 笔）`, null, null, null, data.totals.amount, data.totals.applied, data.totals.unapplied, null],
      notes: data.truncated
        ? [`只列出最新的 ${data.limit} 笔；合计包含全部符合条件的回款。请缩小日期范围导出更早的记录。`]
        : [],
    };
    return {
      date: input.to ?? clock.today,
      workbook: {
        title: "回款记录",
        notes: [
          "所有客户的回款，按收款日期从新到旧；合计不含已冲销的回款。",
          ...valueLine("收款日期从", input.from),
          ...valueLine("收款日期至", input.to),
          ...valueLine("客户名称 / 银行流水号", input.search),
          ...(input.includeReversed ? ["包含已冲销的回款"] : []),
        ],
        sheets: [sheet],
      },
    };
  },
};

export const remindersExport: ExportDefinition = {
  kind: "到期提醒",
  slug: "reminders",
  async build(caller, params) {
    const input = remindersInput(params);
    const [data, staff, businessTypes] = await Promise.all([
      caller.reports.reminders(input),
      caller.settings.staff(),
      caller.settings.businessTypes(),
    ]);
    const clients: Sheet = {
      name: "逾期与应收客户",
      columns: [
        { header: "客户", type: "text" },
        { header: "联系人", type: "text" },
        { header: "联系电话", type: "text" },
        { header: "业务员", type: "text" },
        { header: "应收余额", type: "money" },
        { header: "逾期金额", type: "money" },
        { header: "逾期天数", type: "integer" },
        { header: "最早逾期到期日", type: "date" },
      ],
      rows: data.clients.map((row) => [
        row.client.name,
        row.client.contactPerson || null,
        row.client.phone || null,
        row.client.accountManagerName ?? null,
        row.outstanding,
        row.overdue,
        row.daysOverdue > 0 ? row.daysOverdue : null,
        row.oldestOverdueDueDate ?? null,
      ]),
      totals: [`合计（${data.clients.length} 家）`, null, null, null, data.totals.outstanding, data.totals.overdue, null, null],
    };
    const upcomingTotal = data.upcoming.reduce((sum, item) => sum + item.outstanding, 0);
    const upcoming: Sheet = {
      name: "即将到期",
      columns: [
        { header: "到期日", type: "date" },
        { header: "剩余天数", type: "integer" },
        { header: "客户", type: "text" },
        { header: "联系电话", type: "text" },
        { header: "合同编号", type: "text" },
        { header: "分期", type: "text" },
        { header: "未收金额", type: "money" },
      ],
      rows: data.upcoming.map((item) => [
        item.dueDate,
        item.daysUntilDue,
        item.client.name,
        item.client.phone || null,
        item.contractNo,
        item.label || `第 ${item.seq} 期`,
        item.outstanding,
      ]),
      totals: [null, null, `合计（${data.upcoming.length} 笔）`, null, null, null, upcomingTotal],
    };
    return {
      date: data.asOf,
      workbook: {
        title: "到期提醒",
        notes: [
          `截止日期：${formatChineseDate(data.asOf)}`,
          `提前 ${data.horizonDays} 天提醒：${formatChineseDate(data.asOf)} 至 ${formatChineseDate(data.until)} 到期的分期`,
          ...filterLine("业务员", staff, input.accountManagerId),
          ...filterLine("业务类型", businessTypes, input.businessTypeId),
          "逾期天数 = 截止日期 − 最早未付分期的到期日（自然日，北京时间）；到期当日不算逾期。",
        ],
        sheets: [clients, upcoming],
      },
    };
  },
};

export const costsExport: ExportDefinition = {
  kind: "运营成本",
  slug: "costs",
  async build(caller, params) {
    const input = costListInput(params);
    const [data, categories, clock] = await Promise.all([
      caller.costs.list(input),
      caller.costs.categories(),
      caller.settings.clock(),
    ]);
    const sheet: Sheet = {
      name: "运营成本",
      columns: [
        { header: "付款日期", type: "date" },
        { header: "类别", type: "text" },
        { header: "金额", type: "money" },
        { header: "备注", type: "text" },
        { header: "状态", type: "text" },
      ],
      rows: data.costs.map((cost) => [
        cost.paidOn,
        cost.categoryName,
        cost.amount,
        cost.note || null,
        cost.voidedAt ? `已作废：${cost.voidReason ?? ""}` : "有效",
      ]),
      totals: ["合计（不含已作废）", null, data.liveTotal, null, null],
    };
    return {
      date: input.to ?? clock.today,
      workbook: {
        title: "运营成本",
        notes: [
          "房租、人工等公司运营支出；作废的成本保留在列表中，不计入合计。",
          ...valueLine("开始日期", input.from),
          ...valueLine("结束日期", input.to),
          ...filterLine("成本类别", categories, input.categoryId ?? undefined),
        ],
        sheets: [sheet],
      },
    };
  },
};

export const auditExport: ExportDefinition = {
  kind: "操作日志",
  slug: "audit",
  async build(caller, params) {
    const input = auditListInput(params);
    const [data, clock] = await Promise.all([caller.audit.list(input), caller.settings.clock()]);
    const sheet: Sheet = {
      name: "操作日志",
      columns: [
        { header: "时间", type: "text" },
        { header: "操作人", type: "text" },
        { header: "操作", type: "text" },
        { header: "对象", type: "text" },
        { header: "变更内容", type: "text", width: 60 },
      ],
      rows: data.rows.map((row) => [
        formatTimestamp(row.at, clock.timeZone),
        row.actorName,
        ACTION_LABELS[row.action] ?? row.action,
        auditSubject(row),
        row.before === null ? "新建" : auditChanges(row).join("\n") || null,
      ]),
      notes: data.truncated ? [`只列出最新的 ${data.rows.length} 条；请缩小日期范围导出更早的记录。`] : [],
    };
    return {
      date: input.to ?? clock.today,
      workbook: {
        title: "操作日志",
        notes: [
          `时间按 ${clock.timeZone} 时区显示。`,
          ...valueLine("开始日期", input.from),
          ...valueLine("结束日期", input.to),
          ...valueLine("对象类型", input.entity && (AUDIT_ENTITY_LABELS[input.entity] ?? input.entity)),
        ],
        sheets: [sheet],
      },
    };
  },
};
