import { type Cell, cellText, type DateOrder } from "./cells";
import { isBlankRow, type SheetRow } from "./readers";

/**
 * Import fields per entity, the header names and common synonyms they are
 * matched to automatically, the header row search and the built-in presets.
 */

export const IMPORT_ENTITIES = ["contracts", "payments", "clients", "costs"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const ENTITY_LABELS: Record<ImportEntity, string> = {
  contracts: "合同与回款（应收台账）",
  payments: "回款记录",
  clients: "客户",
  costs: "运营成本",
};

export type FieldKind = "text" | "amount" | "date";

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Header names matched automatically, most specific first. */
  synonyms: readonly string[];
  /** Maximum length of a text value. */
  max?: number;
}

const CLIENT_NAME: FieldSpec = {
  key: "clientName",
  label: "客户名称",
  kind: "text",
  required: true,
  max: 100,
  synonyms: ["客户名称", "客户", "单位名称", "公司名称", "客户全称", "付款单位", "customerID"],
};
const MANAGER: FieldSpec = { key: "manager", label: "业务员", kind: "text", required: false, max: 50, synonyms: ["业务员", "客户经理", "销售", "负责人"] };
const NOTES: FieldSpec = { key: "notes", label: "备注", kind: "text", required: false, max: 2000, synonyms: ["备注", "说明", "摘要"] };
const IMPORT_KEY: FieldSpec = {
  key: "importKey",
  label: "导入编号（去重用）",
  kind: "text",
  required: false,
  max: 100,
  synonyms: ["导入编号", "序号", "编号", "单据编号"],
};

export const ENTITY_FIELDS: Record<ImportEntity, readonly FieldSpec[]> = {
  contracts: [
    CLIENT_NAME,
    { key: "contractNo", label: "合同编号", kind: "text", required: true, max: 50, synonyms: ["合同编号", "合同号", "发票号", "invoiceNumber"] },
    { key: "totalAmount", label: "合同金额", kind: "amount", required: true, synonyms: ["合同金额", "应收金额", "金额", "InvoiceAmount"] },
    { key: "collectedAmount", label: "已回款", kind: "amount", required: false, synonyms: ["已回款", "回款金额", "已收", "已收金额", "已付", "已付金额"] },
    { key: "dueDate", label: "到期日", kind: "date", required: true, synonyms: ["到期日", "到期日期", "应收日期", "约定付款日", "DueDate"] },
    { key: "signedOn", label: "签订日期", kind: "date", required: false, synonyms: ["签订日期", "签约日期", "合同日期", "InvoiceDate"] },
    { key: "paidOn", label: "回款日期", kind: "date", required: false, synonyms: ["回款日期", "付款日期", "到账日期", "收款日期", "SettledDate"] },
    { key: "title", label: "合同名称", kind: "text", required: false, max: 200, synonyms: ["合同名称", "项目名称", "项目", "合同内容"] },
    { key: "businessType", label: "业务类型", kind: "text", required: false, max: 50, synonyms: ["业务类型", "业务类别"] },
    MANAGER,
    NOTES,
  ],
  payments: [
    CLIENT_NAME,
    { key: "paidOn", label: "回款日期", kind: "date", required: true, synonyms: ["回款日期", "付款日期", "到账日期", "收款日期", "日期"] },
    { key: "amount", label: "回款金额", kind: "amount", required: true, synonyms: ["回款金额", "到账金额", "收款金额", "金额"] },
    { key: "bankReference", label: "银行流水号", kind: "text", required: false, max: 100, synonyms: ["银行流水号", "流水号", "交易流水号", "凭证号"] },
    { key: "contractNo", label: "合同编号", kind: "text", required: false, max: 50, synonyms: ["合同编号", "合同号", "指定合同"] },
    { key: "method", label: "付款方式", kind: "text", required: false, max: 20, synonyms: ["付款方式", "收款方式", "结算方式"] },
    NOTES,
    IMPORT_KEY,
  ],
  clients: [
    CLIENT_NAME,
    { key: "contactPerson", label: "联系人", kind: "text", required: false, max: 50, synonyms: ["联系人", "对接人"] },
    { key: "phone", label: "电话", kind: "text", required: false, max: 50, synonyms: ["电话", "联系电话", "手机", "手机号"] },
    { key: "address", label: "地址", kind: "text", required: false, max: 200, synonyms: ["地址", "联系地址", "办公地址"] },
    MANAGER,
    NOTES,
  ],
  costs: [
    { key: "paidOn", label: "付款日期", kind: "date", required: true, synonyms: ["付款日期", "支付日期", "日期"] },
    { key: "category", label: "成本类别", kind: "text", required: true, max: 50, synonyms: ["成本类别", "费用类别", "类别", "科目", "费用科目"] },
    { key: "amount", label: "金额", kind: "amount", required: true, synonyms: ["金额", "费用金额", "付款金额"] },
    { key: "notes", label: "备注", kind: "text", required: false, max: 200, synonyms: ["备注", "说明", "摘要"] },
    IMPORT_KEY,
  ],
};

/** Field key → header text of the file; an empty or missing entry leaves the field unmapped. */
export type ColumnMapping = Record<string, string>;

export interface ImportPreset {
  name: string;
  entity: ImportEntity;
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  /** Business type of imported contracts when the file has no column for it; created if missing. */
  defaultBusinessType?: string;
  builtIn: boolean;
  description: string;
}

/** Presets shipped with the app; saved presets may not take these names. */
export const BUILT_IN_PRESETS: readonly ImportPreset[] = [
  {
    name: "应收台账",
    entity: "contracts",
    mapping: {},
    dateOrder: "ymd",
    builtIn: true,
    description:
      "一行一份合同：客户名称、合同编号、合同金额、已回款、到期日。新客户自动建档；每份合同建一期收款计划，到期日即该期到期日；已回款金额记为一笔回款，日期取“回款日期”列，没有该列时取到期日（到期日晚于今天则取今天）。",
  },
  {
    name: "IBM 发票历史",
    entity: "contracts",
    mapping: {
      clientName: "customerID",
      contractNo: "invoiceNumber",
      totalAmount: "InvoiceAmount",
      dueDate: "DueDate",
      signedOn: "InvoiceDate",
      paidOn: "SettledDate",
    },
    dateOrder: "mdy",
    defaultBusinessType: "发票",
    builtIn: true,
    description:
      "IBM 公开的应收账款样例（一行一张发票）：customerID 为客户，invoiceNumber 为合同编号，DueDate 为到期日，SettledDate 当天全额回款。日期为 月/日/年。",
  },
];

/** Header text reduced for matching: NFKC, no spaces, no unit suffix such as （元） or *, lower case. */
export function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[*＊:：]/g, "")
    .replace(/\((元|人民币|RMB|万元)\)$/i, "")
    .toLowerCase();
}

function synonymKeys(entity: ImportEntity): Set<string> {
  return new Set(ENTITY_FIELDS[entity].flatMap((field) => field.synonyms.map(headerKey)));
}

/** Matches each field to the first header equal to one of its synonyms, each header used once. */
export function automaticMapping(entity: ImportEntity, headers: readonly string[]): ColumnMapping {
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of ENTITY_FIELDS[entity]) {
    for (const synonym of field.synonyms) {
      const header = headers.find((candidate) => !used.has(candidate) && headerKey(candidate) === headerKey(synonym));
      if (header !== undefined) {
        mapping[field.key] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** Rows searched for the header, counted from the first non-blank one. */
const HEADER_SEARCH_ROWS = 20;

export interface HeaderRow {
  /** Sheet row number of the header. */
  number: number;
  /** Header text per column, unique: empty ones become 第N列, repeats get (2), (3). */
  headers: string[];
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * Finds the header row among the first rows: the one with the most cells
 * that match a known column name of the entity (at least two). Title rows
 * and group headings above it are skipped. A header cell left empty by a
 * cell merged down from the row above (客户名称 over two header rows) takes
 * that cell's text when it is a known column name. Returns null when no row
 * matches.
 */
export function findHeaderRow(entity: ImportEntity, rows: readonly SheetRow[], knownHeaders: readonly string[] = []): HeaderRow | null {
  const known = synonymKeys(entity);
  for (const header of knownHeaders) known.add(headerKey(header));
  const candidates = rows.filter((row) => !isBlankRow(row)).slice(0, HEADER_SEARCH_ROWS);

  let best: { index: number; score: number } | null = null;
  for (const [index, row] of candidates.entries()) {
    const score = row.cells.filter((cell) => known.has(headerKey(cellText(cell)))).length;
    if (score >= 2 && (best === null || score > best.score)) best = { index, score };
  }
  if (best === null) return null;

  const row = candidates[best.index]!;
  const above = candidates.slice(0, best.index).reverse();
  const texts = row.cells.map((cell: Cell, column) => {
    const own = cellText(cell);
    if (own !== "") return own;
    for (const upper of above) {
      const text = cellText(upper.cells[column] ?? null);
      if (text !== "") return known.has(headerKey(text)) ? text : "";
    }
    return "";
  });

  const seen = new Map<string, number>();
  const headers = texts.map((text, column) => {
    const base = text === "" ? `第${columnName(column)}列` : text;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}(${count})`;
  });
  return { number: row.number, headers };
}
