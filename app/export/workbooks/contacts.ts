import type { Sheet } from "../../../server/export/sheet";
import { numberParam, param, type SearchParams } from "../../lib/params";
import { type ExportDefinition, filterLine, valueLine } from "./common";

/** Maximum contacts that collections.listContacts returns in one listing. */
// NOTE: a copy of CONTACT_LIST_LIMIT in server/services/collections.ts (app/ may not import services); change both together.
const CONTACT_LIST_LIMIT = 500;

/**
 * Reads the input of collections.listContacts from the export URL:
 * clientId, staffId, channel, from, to, and voided=1 to include voided
 * contacts. No list page has these filters yet, so the export reads them
 * itself.
 */
export function contactListInput(params: SearchParams) {
  return {
    clientId: numberParam(params, "clientId"),
    staffId: numberParam(params, "staffId"),
    // An unknown channel goes through so the procedure rejects it with a message.
    channel: param(params, "channel") as "电话" | undefined,
    from: param(params, "from"),
    to: param(params, "to"),
    includeVoided: param(params, "voided") === "1",
  };
}

export const contactsExport: ExportDefinition = {
  kind: "催收记录",
  slug: "collection-contacts",
  async build(caller, params) {
    const input = contactListInput(params);
    const [contacts, staff, clients, clock] = await Promise.all([
      caller.collections.listContacts(input),
      caller.settings.staff(),
      caller.clients.list({}),
      caller.settings.clock(),
    ]);
    const sheet: Sheet = {
      name: "催收记录",
      columns: [
        { header: "联系时间", type: "text" },
        { header: "客户", type: "text" },
        { header: "合同编号", type: "text" },
        { header: "联系方式", type: "text" },
        { header: "联系对象", type: "text" },
        { header: "经办业务员", type: "text" },
        { header: "沟通结果", type: "text", width: 50 },
        { header: "未付款原因", type: "text" },
        { header: "下次跟进日期", type: "date" },
        { header: "记录人", type: "text" },
        { header: "状态", type: "text" },
      ],
      rows: contacts.map((contact) => [
        contact.contactedAt.replace("T", " "),
        contact.clientName,
        contact.contractNo ?? null,
        contact.channel,
        contact.person,
        contact.staffName ?? null,
        contact.outcome || null,
        contact.reasonName ?? null,
        contact.nextFollowUpOn ?? null,
        contact.createdByName,
        contact.voidedAt ? `已作废：${contact.voidReason ?? ""}` : "有效",
      ]),
      notes:
        contacts.length >= CONTACT_LIST_LIMIT
          ? [`只列出最新的 ${CONTACT_LIST_LIMIT} 条；请缩小日期范围导出更早的记录。`]
          : [],
    };
    return {
      date: input.to ?? clock.today,
      workbook: {
        title: "催收记录",
        notes: [
          "客户联系记录，按联系时间从新到旧。",
          ...filterLine("客户", clients, input.clientId),
          ...filterLine("经办业务员", staff, input.staffId),
          ...valueLine("联系方式", input.channel),
          ...valueLine("开始日期", input.from),
          ...valueLine("结束日期", input.to),
          ...(input.includeVoided ? ["包含已作废的记录"] : []),
        ],
        sheets: [sheet],
      },
    };
  },
};
