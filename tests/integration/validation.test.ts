import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import type { Db } from "../../db";
import { appRouter } from "../../server/root";
import { type TestContext, createTestContext } from "../support/context";

const TODAY = "2026-12-04";
const CHINESE = /[\u4e00-\u9fa5]/;
const LONG = "长".repeat(100_000);
const TABLES = [
  "staff",
  "business_type",
  "client",
  "contract",
  "installment",
  "payment",
  "allocation",
  "setting",
  "cost_category",
  "operating_cost",
  "issued_document",
  // Collection work.
  "collection_reason",
  "collection_contact",
  "payment_promise",
  "installment_dispute",
] as const;

/** Ids the fixture creates, in a fresh database. */
const IDS = {
  manager: 1,
  payingClient: 2,
  otherClient: 1,
  paidContract: 1,
  editableContract: 2,
  livePayment: 1,
  reversedPayment: 2,
};

const validUser = {
  name: "王丽",
  username: "wangli",
  email: "wangli@example.com",
  role: "finance",
  staffId: null,
  password: "long-enough-1",
};

const validClient = {
  name: "丙方传媒",
  contactPerson: "李四",
  phone: "021-12345678",
  address: "上海市静安区",
  accountManagerId: IDS.manager,
  notes: "",
};

const validContract = {
  clientId: IDS.otherClient,
  contractNo: "HT-3",
  businessTypeId: 1,
  title: "新媒体投放",
  signedOn: "2026-11-01",
  serviceStart: "2026-11-10",
  serviceEnd: "2026-12-31",
  totalAmount: 10000,
  mediaCost: 0,
  productionCost: 0,
  notes: "",
  installments: [{ label: "全款", dueDate: "2026-11-30", amount: 10000 }],
};

const validContractUpdate = {
  ...validContract,
  contractNo: "HT-2",
  contractId: IDS.editableContract,
  version: 1,
};

const validPayment = {
  clientId: IDS.payingClient,
  receivedOn: "2026-12-01",
  amount: 100,
  method: "银行转账" as const,
  bankReference: "",
  note: "",
  contractId: null,
};

const validReverse = { paymentId: IDS.livePayment, reason: "录错客户" };

const validCompany = {
  name: "星海广告有限公司",
  address: "上海市",
  phone: "021-1234567",
  bankName: "中国工商银行上海分行",
  bankAccountName: "星海广告有限公司",
  bankAccountNumber: "6222 0000 1111 2222",
  signatory: "张总",
};

const validRules = {
  enabled: true,
  daysBefore: 3,
  onDueDate: true,
  overdueEveryDays: 7,
  minAmount: 0,
  sendAt: "09:00",
  skipNonWorkingDays: true,
};

const validEmailChannel = {
  enabled: false,
  host: "",
  port: 465,
  tls: true,
  user: "",
  smtpPassword: "",
  from: "",
  financeRecipients: [],
};

const validLetter = { clientId: IDS.payingClient, asOf: TODAY, payBy: "2026-12-14" };

/**
 * Creates a client with a partly paid contract, a live and a reversed
 * payment, a second client with a contract not yet due and one account
 * manager. Unless `withProfile` is false, it also saves the company profile
 * that letters need.
 */
async function seeded(withProfile = true): Promise<TestContext> {
  const ctx = await createTestContext(TODAY);
  const { caller } = ctx;
  const { staffId } = await caller.settings.addStaff({ name: "王经理", phone: "" });
  const other = await caller.clients.create({
    ...validClient,
    name: "乙方",
    accountManagerId: null,
  });
  const paying = await caller.clients.create({ ...validClient, name: "甲方" });
  const paid = await caller.contracts.create({
    ...validContract,
    clientId: paying.clientId,
    contractNo: "HT-1",
    signedOn: "2025-12-01",
    totalAmount: 100000,
    installments: [
      { label: "首期", dueDate: "2026-01-01", amount: 50000 },
      { label: "尾款", dueDate: "2026-03-01", amount: 50000 },
    ],
  });
  const editable = await caller.contracts.create({
    ...validContract,
    clientId: other.clientId,
    contractNo: "HT-2",
    installments: [{ label: "全款", dueDate: "2027-01-01", amount: 10000 }],
  });
  const live = await caller.payments.record({ ...validPayment, amount: 50000 });
  const reversed = await caller.payments.record(validPayment);
  await caller.payments.reverse({ paymentId: reversed.paymentId, reason: "重复录入" });
  if (withProfile) await caller.settings.saveCompany(validCompany);

  expect({
    manager: staffId,
    payingClient: paying.clientId,
    otherClient: other.clientId,
    paidContract: paid.contractId,
    editableContract: editable.contractId,
    livePayment: live.paymentId,
    reversedPayment: reversed.paymentId,
  }).toEqual(IDS);
  return ctx;
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

type Procedure = (input?: unknown) => Promise<unknown>;

/** Calls a procedure by its dotted path with input of any shape. */
function call(ctx: TestContext, path: string, input: unknown): Promise<unknown> {
  const [routerName, procedureName] = path.split(".") as [string, string];
  const routers = ctx.caller as unknown as Record<string, Record<string, Procedure>>;
  return routers[routerName]![procedureName]!(input);
}

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("Expected the call to be rejected");
}

function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...value };
  delete copy[key];
  return copy;
}

interface BadInput {
  path: string;
  case: string;
  input: unknown;
  /** A word the message must contain: the field label, usually. */
  names?: string;
  code?: "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT";
  withProfile?: boolean;
}

const planOf61 = Array.from({ length: 61 }, () => ({
  label: "",
  dueDate: "2026-11-30",
  amount: 1,
}));

const BAD_INPUTS: BadInput[] = [
  { path: "clients.list", case: "search of 100k characters", input: { search: LONG }, names: "搜索词" },
  { path: "clients.list", case: "search as a number", input: { search: 123 }, names: "搜索词" },
  { path: "clients.list", case: "manager id abc", input: { accountManagerId: "abc" }, names: "业务员" },
  { path: "clients.list", case: "manager id 0", input: { accountManagerId: 0 }, names: "业务员" },
  { path: "clients.list", case: "input as text", input: "甲方" },

  { path: "clients.listWithBalances", case: "search of 100k characters", input: { search: LONG }, names: "搜索词" },
  { path: "clients.listWithBalances", case: "as-of 2026-02-30", input: { asOf: "2026-02-30" }, names: "截止日期" },
  { path: "clients.listWithBalances", case: "manager id abc", input: { accountManagerId: "abc" }, names: "业务员" },

  { path: "clients.get", case: "id 0", input: { clientId: 0 }, names: "客户" },
  { path: "clients.get", case: "id -1", input: { clientId: -1 }, names: "客户" },
  { path: "clients.get", case: "id 1.5", input: { clientId: 1.5 }, names: "客户" },
  { path: "clients.get", case: "id abc", input: { clientId: "abc" }, names: "客户" },
  { path: "clients.get", case: "id 1e20", input: { clientId: 1e20 }, names: "客户" },
  { path: "clients.get", case: "id NaN", input: { clientId: Number.NaN }, names: "客户" },
  { path: "clients.get", case: "id null", input: { clientId: null }, names: "客户" },
  { path: "clients.get", case: "id missing", input: {}, names: "客户" },
  { path: "clients.get", case: "no input", input: undefined },
  { path: "clients.get", case: "input as an array", input: [IDS.payingClient] },
  { path: "clients.get", case: "unknown id", input: { clientId: 999 }, names: "客户", code: "NOT_FOUND" },

  { path: "clients.ledger", case: "id abc", input: { clientId: "abc" }, names: "客户" },
  { path: "clients.ledger", case: "as-of 2026-02-30", input: { clientId: 1, asOf: "2026-02-30" }, names: "截止日期" },
  { path: "clients.ledger", case: "as-of 2026-1-5", input: { clientId: 1, asOf: "2026-1-5" }, names: "截止日期" },
  { path: "clients.ledger", case: "as-of empty", input: { clientId: 1, asOf: "" }, names: "截止日期" },
  { path: "clients.ledger", case: "as-of as a number", input: { clientId: 1, asOf: 20261204 }, names: "截止日期" },
  { path: "clients.ledger", case: "as-of of 100k characters", input: { clientId: 1, asOf: LONG }, names: "截止日期" },
  { path: "clients.ledger", case: "unknown id", input: { clientId: 999 }, names: "客户", code: "NOT_FOUND" },

  { path: "clients.create", case: "name missing", input: without(validClient, "name"), names: "客户名称" },
  { path: "clients.create", case: "name blank", input: { ...validClient, name: "   " }, names: "客户名称" },
  { path: "clients.create", case: "name as a number", input: { ...validClient, name: 42 }, names: "客户名称" },
  { path: "clients.create", case: "name of 100k characters", input: { ...validClient, name: LONG }, names: "客户名称" },
  { path: "clients.create", case: "contact of 100k characters", input: { ...validClient, contactPerson: LONG }, names: "联系人" },
  { path: "clients.create", case: "phone with letters", input: { ...validClient, phone: "abc" }, names: "联系电话" },
  { path: "clients.create", case: "phone of 100k characters", input: { ...validClient, phone: LONG }, names: "联系电话" },
  { path: "clients.create", case: "address of 100k characters", input: { ...validClient, address: LONG }, names: "地址" },
  { path: "clients.create", case: "notes of 100k characters", input: { ...validClient, notes: LONG }, names: "备注" },
  { path: "clients.create", case: "manager id 1.5", input: { ...validClient, accountManagerId: 1.5 }, names: "业务员" },
  { path: "clients.create", case: "unknown manager", input: { ...validClient, accountManagerId: 999 }, names: "业务员" },
  { path: "clients.create", case: "duplicate name", input: { ...validClient, name: "甲方" }, names: "客户名称", code: "CONFLICT" },

  { path: "clients.update", case: "version missing", input: { ...validClient, clientId: 1 }, names: "版本号" },
  { path: "clients.update", case: "version 0", input: { ...validClient, clientId: 1, version: 0 }, names: "版本号" },
  { path: "clients.update", case: "version as text", input: { ...validClient, clientId: 1, version: "1" }, names: "版本号" },
  { path: "clients.update", case: "name of 100k characters", input: { ...validClient, name: LONG, clientId: 1, version: 1 }, names: "客户名称" },
  { path: "clients.update", case: "unknown id", input: { ...validClient, clientId: 999, version: 1 }, names: "客户", code: "NOT_FOUND" },
  { path: "clients.update", case: "stale version", input: { ...validClient, clientId: 1, version: 5 }, names: "他人修改", code: "CONFLICT" },
  { path: "clients.update", case: "name of another client", input: { ...validClient, name: "甲方", clientId: 1, version: 1 }, names: "客户名称", code: "CONFLICT" },

  { path: "contracts.get", case: "id 0", input: { contractId: 0 }, names: "合同" },
  { path: "contracts.get", case: "id -1", input: { contractId: -1 }, names: "合同" },
  { path: "contracts.get", case: "id 1.5", input: { contractId: 1.5 }, names: "合同" },
  { path: "contracts.get", case: "id abc", input: { contractId: "abc" }, names: "合同" },
  { path: "contracts.get", case: "unknown id", input: { contractId: 999 }, names: "合同", code: "NOT_FOUND" },

  { path: "contracts.editableIds", case: "client 0", input: { clientId: 0 }, names: "客户" },
  { path: "contracts.editableIds", case: "client abc", input: { clientId: "abc" }, names: "客户" },

  { path: "contracts.create", case: "total -1", input: { ...validContract, totalAmount: -1 }, names: "合同金额" },
  { path: "contracts.create", case: "total 0", input: { ...validContract, totalAmount: 0 }, names: "合同金额" },
  { path: "contracts.create", case: "total 1.5 fen", input: { ...validContract, totalAmount: 1.5 }, names: "合同金额" },
  { path: "contracts.create", case: "total 1e20", input: { ...validContract, totalAmount: 1e20 }, names: "合同金额" },
  { path: "contracts.create", case: "total NaN", input: { ...validContract, totalAmount: Number.NaN }, names: "合同金额" },
  { path: "contracts.create", case: "total as text", input: { ...validContract, totalAmount: "10000" }, names: "合同金额" },
  { path: "contracts.create", case: "total missing", input: without(validContract, "totalAmount"), names: "合同金额" },
  { path: "contracts.create", case: "media cost -1", input: { ...validContract, mediaCost: -1 }, names: "媒体采购成本" },
  { path: "contracts.create", case: "production cost 0.5", input: { ...validContract, productionCost: 0.5 }, names: "制作成本" },
  { path: "contracts.create", case: "signed 2026-02-30", input: { ...validContract, signedOn: "2026-02-30" }, names: "签订日期" },
  { path: "contracts.create", case: "signed 2026-13-01", input: { ...validContract, signedOn: "2026-13-01" }, names: "签订日期" },
  { path: "contracts.create", case: "signing date missing", input: without(validContract, "signedOn"), names: "签订日期" },
  { path: "contracts.create", case: "service start 2026-02-30", input: { ...validContract, serviceStart: "2026-02-30" }, names: "服务开始日期" },
  { path: "contracts.create", case: "service start as a number", input: { ...validContract, serviceStart: 5 } },
  { path: "contracts.create", case: "service end before start", input: { ...validContract, serviceEnd: "2026-11-09" }, names: "服务结束日期" },
  { path: "contracts.create", case: "empty plan", input: { ...validContract, installments: [] }, names: "收款计划" },
  { path: "contracts.create", case: "plan as text", input: { ...validContract, installments: "全款" }, names: "收款计划" },
  { path: "contracts.create", case: "plan of 61 installments", input: { ...validContract, totalAmount: 61, installments: planOf61 }, names: "收款计划" },
  { path: "contracts.create", case: "installment of 1.5 fen", input: { ...validContract, installments: [{ label: "", dueDate: "2026-11-30", amount: 1.5 }] }, names: "分期金额" },
  { path: "contracts.create", case: "installment of -100 fen", input: { ...validContract, installments: [{ label: "", dueDate: "2026-11-30", amount: -100 }] }, names: "分期金额" },
  { path: "contracts.create", case: "installment due 2025-02-29", input: { ...validContract, installments: [{ label: "", dueDate: "2025-02-29", amount: 10000 }] }, names: "到期日" },
  { path: "contracts.create", case: "installment label of 100k characters", input: { ...validContract, installments: [{ label: LONG, dueDate: "2026-11-30", amount: 10000 }] }, names: "分期名称" },
  { path: "contracts.create", case: "plan short of the total", input: { ...validContract, totalAmount: 10001 }, names: "分期金额合计" },
  { path: "contracts.create", case: "business type abc", input: { ...validContract, businessTypeId: "abc" }, names: "业务类型" },
  { path: "contracts.create", case: "unknown business type", input: { ...validContract, businessTypeId: 999 }, names: "业务类型" },
  { path: "contracts.create", case: "unknown client", input: { ...validContract, clientId: 999 }, names: "客户", code: "NOT_FOUND" },
  { path: "contracts.create", case: "number of 100k characters", input: { ...validContract, contractNo: LONG }, names: "合同编号" },
  { path: "contracts.create", case: "number empty", input: { ...validContract, contractNo: "" }, names: "合同编号" },
  { path: "contracts.create", case: "number with a line break", input: { ...validContract, contractNo: "HT\n3" }, names: "合同编号" },
  { path: "contracts.create", case: "duplicate number", input: { ...validContract, contractNo: "HT-1" }, names: "合同编号", code: "CONFLICT" },
  { path: "contracts.create", case: "title missing", input: without(validContract, "title"), names: "合同内容" },
  { path: "contracts.create", case: "notes of 100k characters", input: { ...validContract, notes: LONG }, names: "备注" },

  { path: "contracts.update", case: "version missing", input: without(validContractUpdate, "version"), names: "版本号" },
  { path: "contracts.update", case: "id abc", input: { ...validContractUpdate, contractId: "abc" }, names: "合同" },
  { path: "contracts.update", case: "total 1.5 fen", input: { ...validContractUpdate, totalAmount: 1.5 }, names: "合同金额" },
  { path: "contracts.update", case: "unknown id", input: { ...validContractUpdate, contractId: 999 }, names: "合同", code: "NOT_FOUND" },
  { path: "contracts.update", case: "stale version", input: { ...validContractUpdate, version: 7 }, names: "他人修改", code: "CONFLICT" },
  { path: "contracts.update", case: "contract with payments", input: { ...validContractUpdate, clientId: IDS.payingClient, contractNo: "HT-1", contractId: IDS.paidContract }, names: "回款", code: "CONFLICT" },
  { path: "contracts.update", case: "another client", input: { ...validContractUpdate, clientId: IDS.payingClient }, names: "客户" },
  { path: "contracts.update", case: "number of another contract", input: { ...validContractUpdate, contractNo: "HT-1" }, names: "合同编号", code: "CONFLICT" },

  { path: "payments.record", case: "amount -1", input: { ...validPayment, amount: -1 }, names: "收款金额" },
  { path: "payments.record", case: "amount 0", input: { ...validPayment, amount: 0 }, names: "收款金额" },
  { path: "payments.record", case: "amount 1.5 fen", input: { ...validPayment, amount: 1.5 }, names: "收款金额" },
  { path: "payments.record", case: "amount 1e20", input: { ...validPayment, amount: 1e20 }, names: "收款金额" },
  { path: "payments.record", case: "amount NaN", input: { ...validPayment, amount: Number.NaN }, names: "收款金额" },
  { path: "payments.record", case: "amount Infinity", input: { ...validPayment, amount: Number.POSITIVE_INFINITY }, names: "收款金额" },
  { path: "payments.record", case: "amount as text", input: { ...validPayment, amount: "100" }, names: "收款金额" },
  { path: "payments.record", case: "amount missing", input: without(validPayment, "amount"), names: "收款金额" },
  { path: "payments.record", case: "received 2026-02-30", input: { ...validPayment, receivedOn: "2026-02-30" }, names: "收款日期" },
  { path: "payments.record", case: "received tomorrow", input: { ...validPayment, receivedOn: "2026-12-05" }, names: "收款日期" },
  { path: "payments.record", case: "received empty", input: { ...validPayment, receivedOn: "" }, names: "收款日期" },
  { path: "payments.record", case: "unknown method", input: { ...validPayment, method: "比特币" }, names: "收款方式" },
  { path: "payments.record", case: "method missing", input: without(validPayment, "method"), names: "收款方式" },
  { path: "payments.record", case: "client abc", input: { ...validPayment, clientId: "abc" }, names: "客户" },
  { path: "payments.record", case: "unknown client", input: { ...validPayment, clientId: 999 }, names: "客户", code: "NOT_FOUND" },
  { path: "payments.record", case: "contract 1.5", input: { ...validPayment, contractId: 1.5 }, names: "合同" },
  { path: "payments.record", case: "contract of another client", input: { ...validPayment, contractId: IDS.editableContract }, names: "合同" },
  { path: "payments.record", case: "unknown contract", input: { ...validPayment, contractId: 999 }, names: "合同", code: "NOT_FOUND" },
  { path: "payments.record", case: "reference of 100k characters", input: { ...validPayment, bankReference: LONG }, names: "银行流水号" },
  { path: "payments.record", case: "note of 100k characters", input: { ...validPayment, note: LONG }, names: "备注" },

  { path: "payments.reverse", case: "id 0", input: { ...validReverse, paymentId: 0 }, names: "回款记录" },
  { path: "payments.reverse", case: "id -1", input: { ...validReverse, paymentId: -1 }, names: "回款记录" },
  { path: "payments.reverse", case: "id abc", input: { ...validReverse, paymentId: "abc" }, names: "回款记录" },
  { path: "payments.reverse", case: "reason missing", input: without(validReverse, "reason"), names: "冲销原因" },
  { path: "payments.reverse", case: "reason blank", input: { ...validReverse, reason: "  " }, names: "冲销原因" },
  { path: "payments.reverse", case: "reason of 100k characters", input: { ...validReverse, reason: LONG }, names: "冲销原因" },
  { path: "payments.reverse", case: "unknown id", input: { ...validReverse, paymentId: 999 }, names: "回款记录", code: "NOT_FOUND" },
  { path: "payments.reverse", case: "payment already reversed", input: { ...validReverse, paymentId: IDS.reversedPayment }, names: "已冲销", code: "CONFLICT" },

  { path: "payments.get", case: "id 0", input: { paymentId: 0 }, names: "回款记录" },
  { path: "payments.get", case: "id abc", input: { paymentId: "abc" }, names: "回款记录" },
  { path: "payments.get", case: "unknown id", input: { paymentId: 999 }, names: "回款记录", code: "NOT_FOUND" },

  { path: "payments.list", case: "from 2026-02-30", input: { from: "2026-02-30" }, names: "开始日期" },
  { path: "payments.list", case: "to 2026-13-01", input: { to: "2026-13-01" }, names: "结束日期" },
  { path: "payments.list", case: "to before from", input: { from: "2026-03-01", to: "2026-02-01" }, names: "结束日期" },
  { path: "payments.list", case: "search of 100k characters", input: { search: LONG }, names: "搜索词" },
  { path: "payments.list", case: "include reversed as text", input: { includeReversed: "yes" }, names: "已冲销" },

  { path: "payments.openContracts", case: "client -1", input: { clientId: -1 }, names: "客户" },
  { path: "payments.openContracts", case: "client abc", input: { clientId: "abc" }, names: "客户" },

  { path: "costs.list", case: "from 2026-02-30", input: { from: "2026-02-30" }, names: "开始日期" },
  { path: "costs.list", case: "from after to", input: { from: "2026-06-01", to: "2026-05-01" }, names: "开始日期" },
  { path: "costs.list", case: "category abc", input: { categoryId: "abc" }, names: "成本类别" },
  { path: "costs.record", case: "amount 0", input: { paidOn: "2026-12-01", categoryId: 1, amount: 0, note: "" }, names: "金额" },
  { path: "costs.record", case: "amount 12.5", input: { paidOn: "2026-12-01", categoryId: 1, amount: 12.5, note: "" }, names: "金额" },
  { path: "costs.record", case: "paid tomorrow", input: { paidOn: "2026-12-05", categoryId: 1, amount: 100, note: "" }, names: "付款日期" },
  { path: "costs.record", case: "unknown category", input: { paidOn: "2026-12-01", categoryId: 999, amount: 100, note: "" }, names: "成本类别" },
  { path: "costs.void", case: "empty reason", input: { costId: 1, reason: " " }, names: "作废原因" },
  { path: "costs.void", case: "id 0", input: { costId: 0, reason: "录错" }, names: "成本记录" },
  { path: "costs.void", case: "unknown id", input: { costId: 999, reason: "录错" }, names: "成本记录", code: "NOT_FOUND" },
  { path: "costs.addCategory", case: "name empty", input: { name: "" }, names: "类别名称" },
  { path: "costs.addCategory", case: "name of 100k characters", input: { name: LONG }, names: "类别名称" },
  { path: "costs.addCategory", case: "duplicate name", input: { name: "房租" }, names: "成本类别", code: "CONFLICT" },
  { path: "costs.cashFlow", case: "from 2026-13", input: { from: "2026-13" }, names: "开始月份" },
  { path: "costs.cashFlow", case: "from after to", input: { from: "2026-06", to: "2026-05" }, names: "开始月份" },
  { path: "costs.cashFlow", case: "threshold -1", input: { divergencePoints: -1 }, names: "背离阈值" },

  { path: "value.ranking", case: "from 2026-02-30", input: { from: "2026-02-30" }, names: "开始日期" },
  { path: "value.ranking", case: "from after to", input: { from: "2026-06-01", to: "2026-05-01" }, names: "开始日期" },
  { path: "value.ranking", case: "sort by cost", input: { sortBy: "cost" }, names: "排序方式" },
  { path: "trend.report", case: "from 2026-13", input: { from: "2026-13" }, names: "开始月份" },
  { path: "trend.report", case: "from after to", input: { from: "2026-06", to: "2026-05" }, names: "开始月份" },
  { path: "trend.report", case: "threshold 0", input: { thresholdPercent: 0 }, names: "异常阈值" },
  { path: "trend.report", case: "threshold as text", input: { thresholdPercent: "30" }, names: "异常阈值" },
  { path: "trend.drillDown", case: "month 2026-1", input: { month: "2026-1" }, names: "月份" },
  { path: "trend.drillDown", case: "month as a date", input: { month: "2026-02-01" }, names: "月份" },
  { path: "trend.saveAnnotation", case: "month 2026-00", input: { month: "2026-00", note: "春节" }, names: "月份" },
  { path: "trend.saveAnnotation", case: "note of 201 characters", input: { month: "2026-02", note: "字".repeat(201) }, names: "备注" },
  { path: "trend.saveAnnotation", case: "empty note", input: { month: "2026-02", note: "  " }, names: "备注" },
  { path: "trend.clearAnnotation", case: "month missing", input: {}, names: "月份" },

  { path: "reports.dashboard", case: "as-of 2026-02-30", input: { asOf: "2026-02-30" }, names: "截止日期" },
  { path: "reports.dashboard", case: "as-of as a number", input: { asOf: 5 }, names: "截止日期" },
  { path: "reports.dashboard", case: "as-of of 100k characters", input: { asOf: LONG }, names: "截止日期" },
  { path: "reports.dashboard", case: "input as text", input: "2026-12-04" },

  { path: "aging.report", case: "as-of 2026-02-30", input: { asOf: "2026-02-30" }, names: "截止日期" },
  { path: "aging.report", case: "manager abc", input: { accountManagerId: "abc" }, names: "业务员" },
  { path: "aging.report", case: "business type -1", input: { businessTypeId: -1 }, names: "业务类型" },
  { path: "aging.saveBounds", case: "bounds not increasing", input: { bounds: [30, 30, 90] }, names: "分界天数" },
  { path: "aging.saveBounds", case: "bound 0", input: { bounds: [0, 30] }, names: "账龄分界天数" },
  { path: "aging.saveBounds", case: "no bounds", input: { bounds: [] }, names: "账龄分界天数" },
  { path: "aging.saveBounds", case: "eleven bounds", input: { bounds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, names: "账龄分界天数" },
  { path: "speed.ranking", case: "as-of 2026-13-01", input: { asOf: "2026-13-01" }, names: "截止日期" },
  { path: "speed.ranking", case: "from after as-of", input: { asOf: "2026-01-01", from: "2026-06-01" }, names: "开始日期" },
  { path: "speed.ranking", case: "from as a number", input: { from: 5 }, names: "开始日期" },

  { path: "reports.summary", case: "from after as-of", input: { asOf: "2026-01-01", from: "2026-02-01" }, names: "开始日期" },
  { path: "reports.summary", case: "from 2026-13-01", input: { from: "2026-13-01" }, names: "开始日期" },
  { path: "reports.summary", case: "from as a number", input: { from: 5 } },
  { path: "reports.summary", case: "client abc", input: { clientId: "abc" }, names: "客户" },
  { path: "reports.summary", case: "business type 1.5", input: { businessTypeId: 1.5 }, names: "业务类型" },
  { path: "reports.summary", case: "manager -1", input: { accountManagerId: -1 }, names: "业务员" },

  { path: "reports.reminders", case: "horizon -1", input: { horizonDays: -1 }, names: "提前提醒天数" },
  { path: "reports.reminders", case: "horizon 1.5", input: { horizonDays: 1.5 }, names: "提前提醒天数" },
  { path: "reports.reminders", case: "horizon 366", input: { horizonDays: 366 }, names: "提前提醒天数" },
  { path: "reports.reminders", case: "horizon NaN", input: { horizonDays: Number.NaN }, names: "提前提醒天数" },
  { path: "reports.reminders", case: "horizon as text", input: { horizonDays: "7" }, names: "提前提醒天数" },
  { path: "reports.reminders", case: "manager abc", input: { accountManagerId: "abc" }, names: "业务员" },
  { path: "reports.reminders", case: "as-of 2026-02-30", input: { asOf: "2026-02-30" }, names: "截止日期" },

  { path: "reports.collectionLetter", case: "client 0", input: { ...validLetter, clientId: 0 }, names: "客户" },
  { path: "reports.collectionLetter", case: "letter date 2026-02-30", input: { ...validLetter, asOf: "2026-02-30" }, names: "函件日期" },
  { path: "reports.collectionLetter", case: "pay-by 2026-13-01", input: { ...validLetter, payBy: "2026-13-01" }, names: "付款期限" },
  { path: "reports.collectionLetter", case: "pay-by before the letter", input: { ...validLetter, payBy: "2026-12-01" }, names: "付款期限" },
  { path: "reports.collectionLetter", case: "unknown client", input: { ...validLetter, clientId: 999 }, names: "客户", code: "NOT_FOUND" },
  { path: "reports.collectionLetter", case: "client with nothing overdue", input: { ...validLetter, clientId: IDS.otherClient }, names: "逾期" },
  { path: "reports.collectionLetter", case: "company profile missing", input: validLetter, names: "公司资料", withProfile: false },

  { path: "reports.summaryByManager", case: "from after as-of", input: { asOf: "2026-01-01", from: "2026-02-01" }, names: "开始日期" },
  { path: "reports.summaryByManager", case: "client abc", input: { clientId: "abc" }, names: "客户" },
  { path: "reports.summaryByManager", case: "as-of 2026-02-30", input: { asOf: "2026-02-30" }, names: "截止日期" },

  { path: "reports.summaryByBusinessType", case: "from 2026-13-01", input: { from: "2026-13-01" }, names: "开始日期" },
  { path: "reports.summaryByBusinessType", case: "from after as-of", input: { asOf: "2026-01-01", from: "2026-02-01" }, names: "开始日期" },
  { path: "reports.summaryByBusinessType", case: "business type 1.5", input: { businessTypeId: 1.5 }, names: "业务类型" },

  { path: "settings.saveCompany", case: "name missing", input: without(validCompany, "name"), names: "公司名称" },
  { path: "settings.saveCompany", case: "name of 100k characters", input: { ...validCompany, name: LONG }, names: "公司名称" },
  { path: "settings.saveCompany", case: "bank as a number", input: { ...validCompany, bankName: 5 }, names: "开户银行" },
  { path: "settings.saveCompany", case: "account number with letters", input: { ...validCompany, bankAccountNumber: "abc" }, names: "银行账号" },
  { path: "settings.saveCompany", case: "address of 100k characters", input: { ...validCompany, address: LONG }, names: "公司地址" },

  { path: "settings.addStaff", case: "name empty", input: { name: "" }, names: "姓名" },
  { path: "settings.addStaff", case: "name of 100k characters", input: { name: LONG }, names: "姓名" },
  { path: "settings.addStaff", case: "phone of 100k characters", input: { name: "赵六", phone: LONG }, names: "电话" },
  { path: "settings.addStaff", case: "duplicate name", input: { name: "王经理" }, names: "姓名", code: "CONFLICT" },

  { path: "settings.addBusinessType", case: "name empty", input: { name: "" }, names: "业务类型名称" },
  { path: "settings.addBusinessType", case: "name of 100k characters", input: { name: LONG }, names: "业务类型名称" },
  { path: "settings.addBusinessType", case: "duplicate name", input: { name: "户外广告" }, names: "业务类型", code: "CONFLICT" },
  { path: "audit.list", case: "date 2026-02-30", input: { from: "2026-02-30" }, names: "开始日期" },
  { path: "audit.list", case: "unknown entity", input: { entity: "invoice" }, names: "对象类型" },
  { path: "audit.list", case: "end before start", input: { from: "2026-12-01", to: "2026-11-01" }, names: "结束日期" },
  { path: "audit.forClient", case: "unknown client", input: { clientId: 999 }, names: "客户", code: "NOT_FOUND" },
  { path: "audit.forClient", case: "id abc", input: { clientId: "abc" }, names: "客户" },
  { path: "audit.forContract", case: "unknown contract", input: { contractId: 999 }, names: "合同", code: "NOT_FOUND" },
  { path: "audit.forContract", case: "id -1", input: { contractId: -1 }, names: "合同" },

  { path: "users.create", case: "username of 2 characters", input: { ...validUser, username: "ab" }, names: "用户名" },
  { path: "users.create", case: "username in Chinese", input: { ...validUser, username: "王丽娜" }, names: "用户名" },
  { path: "users.create", case: "e-mail without @", input: { ...validUser, email: "wang.example.com" }, names: "邮箱" },
  { path: "users.create", case: "unknown role", input: { ...validUser, role: "boss" }, names: "角色" },
  { path: "users.create", case: "password of 9 characters", input: { ...validUser, password: "123456789" }, names: "密码" },
  { path: "users.create", case: "name missing", input: without(validUser, "name"), names: "姓名" },
  { path: "users.create", case: "account manager without staff", input: { ...validUser, role: "account_manager" }, names: "业务员" },
  { path: "users.create", case: "unknown staff", input: { ...validUser, role: "account_manager", staffId: 999 }, names: "业务员" },

  { path: "users.update", case: "user id empty", input: { userId: "", name: "王", role: "viewer" }, names: "用户" },
  { path: "users.update", case: "unknown role", input: { userId: "x", name: "王", role: "boss" }, names: "角色" },
  { path: "users.update", case: "unknown user", input: { userId: "no-such-user", name: "王", role: "viewer" }, names: "用户", code: "NOT_FOUND" },

  { path: "users.setDisabled", case: "disabled as text", input: { userId: "x", disabled: "yes" }, names: "停用" },
  { path: "users.setDisabled", case: "unknown user", input: { userId: "no-such-user", disabled: true }, names: "用户", code: "NOT_FOUND" },

  { path: "users.setPassword", case: "password of 3 characters", input: { userId: "x", password: "abc" }, names: "密码" },
  { path: "users.setPassword", case: "unknown user", input: { userId: "no-such-user", password: "long-enough-1" }, names: "用户", code: "NOT_FOUND" },

  // Credit control and on-time rewards
  { path: "contracts.create", case: "override reason of 100k characters", input: { ...validContract, contractNo: "HT-9", creditOverrideReason: LONG }, names: "放行原因" },
  { path: "credit.status", case: "client abc", input: { clientId: "abc" }, names: "客户" },
  { path: "credit.status", case: "as-of 2026-02-30", input: { clientId: IDS.payingClient, asOf: "2026-02-30" }, names: "截止日期" },
  { path: "credit.status", case: "new amount -1", input: { clientId: IDS.payingClient, newAmount: -1 }, names: "新合同金额" },
  { path: "credit.status", case: "unknown client", input: { clientId: 999 }, names: "客户", code: "NOT_FOUND" },
  { path: "credit.setLimit", case: "limit -5", input: { clientId: IDS.payingClient, creditLimit: -5 }, names: "信用额度" },
  { path: "credit.setLimit", case: "limit 1.5", input: { clientId: IDS.payingClient, creditLimit: 1.5 }, names: "信用额度" },
  { path: "credit.setLimit", case: "limit missing", input: { clientId: IDS.payingClient }, names: "信用额度" },
  { path: "credit.setLimit", case: "unknown client", input: { clientId: 999, creditLimit: 100 }, names: "客户", code: "NOT_FOUND" },
  { path: "credit.blacklist", case: "reason blank", input: { clientId: IDS.payingClient, reason: "  " }, names: "列入原因" },
  { path: "credit.blacklist", case: "reason of 100k characters", input: { clientId: IDS.payingClient, reason: LONG }, names: "列入原因" },
  { path: "credit.blacklist", case: "unknown client", input: { clientId: 999, reason: "拖欠" }, names: "客户", code: "NOT_FOUND" },
  { path: "credit.lift", case: "reason missing", input: { clientId: IDS.payingClient }, names: "移出原因" },
  { path: "credit.lift", case: "client not on the list", input: { clientId: IDS.payingClient, reason: "已结清" }, names: "不在拒绝合作名单", code: "CONFLICT" },
  { path: "credit.blacklisted", case: "include-lifted as text", input: { includeLifted: "yes" }, names: "含已移出" },
  { path: "rewards.saveRule", case: "rate 0", input: { enabled: true, basisPoints: 0, kind: "rebate", startsOn: "2026-01-01" }, names: "奖励比例" },
  { path: "rewards.saveRule", case: "rate 1001", input: { enabled: true, basisPoints: 1001, kind: "rebate", startsOn: "2026-01-01" }, names: "奖励比例" },
  { path: "rewards.saveRule", case: "kind cash", input: { enabled: true, basisPoints: 50, kind: "cash", startsOn: "2026-01-01" }, names: "奖励方式" },
  { path: "rewards.saveRule", case: "start 2026-13-01", input: { enabled: true, basisPoints: 50, kind: "rebate", startsOn: "2026-13-01" }, names: "起算日期" },
  { path: "rewards.summary", case: "client 0", input: { clientId: 0 }, names: "客户" },
  { path: "rewards.summary", case: "as-of 2026-1-5", input: { clientId: IDS.payingClient, asOf: "2026-1-5" }, names: "截止日期" },
  { path: "rewards.redeem", case: "amount 0", input: { clientId: IDS.payingClient, amount: 0, usedOn: TODAY, contractId: null, note: "" }, names: "使用金额" },
  { path: "rewards.redeem", case: "used tomorrow", input: { clientId: IDS.payingClient, amount: 100, usedOn: "2026-12-05", contractId: null, note: "" }, names: "使用日期" },
  { path: "rewards.redeem", case: "rule off", input: { clientId: IDS.payingClient, amount: 100, usedOn: TODAY, contractId: null, note: "" }, names: "未启用", code: "CONFLICT" },
  { path: "rewards.redeem", case: "contract of another client", input: { clientId: IDS.payingClient, amount: 100, usedOn: TODAY, contractId: IDS.editableContract, note: "" }, names: "不属于该客户" },
  { path: "rewards.voidRedemption", case: "reason blank", input: { redemptionId: 1, reason: "" }, names: "作废原因" },
  { path: "rewards.voidRedemption", case: "unknown id", input: { redemptionId: 999, reason: "录错" }, names: "奖励使用记录", code: "NOT_FOUND" },

  // Issued documents, collection letters and batch printing
  { path: "documents.list", case: "kind invoice", input: { kind: "invoice" }, names: "文书类型" },
  { path: "documents.list", case: "year 1.5", input: { year: 1.5 }, names: "年份" },
  { path: "documents.list", case: "status deleted", input: { status: "deleted" }, names: "状态" },
  { path: "documents.list", case: "search of 100k characters", input: { search: LONG }, names: "文号" },
  { path: "documents.get", case: "id abc", input: { documentId: "abc" }, names: "文书" },
  { path: "documents.get", case: "unknown id", input: { documentId: 999 }, names: "文书", code: "NOT_FOUND" },
  { path: "documents.download", case: "id 0", input: { documentId: 0 }, names: "文书" },
  { path: "documents.download", case: "unknown id", input: { documentId: 999 }, names: "文书", code: "NOT_FOUND" },
  { path: "documents.void", case: "reason blank", input: { documentId: 1, reason: "  " }, names: "作废原因" },
  { path: "documents.void", case: "unknown id", input: { documentId: 999, reason: "发错" }, names: "文书", code: "NOT_FOUND" },
  { path: "documents.suggestLevel", case: "client abc", input: { clientId: "abc" }, names: "客户" },
  { path: "documents.suggestLevel", case: "letter date 2026-02-30", input: { clientId: IDS.payingClient, asOf: "2026-02-30" }, names: "函件日期" },
  { path: "documents.previewLetter", case: "level rude", input: { ...validLetter, level: "rude" }, names: "函件级别" },
  { path: "documents.previewLetter", case: "letter date tomorrow", input: { ...validLetter, asOf: "2026-12-05" }, names: "函件日期" },
  { path: "documents.issueLetter", case: "level missing", input: validLetter, names: "函件级别" },
  { path: "documents.issueLetter", case: "pay-by before the letter", input: { ...validLetter, level: "final_notice", payBy: "2026-12-01" }, names: "付款期限" },
  { path: "documents.issueLetter", case: "client with nothing overdue", input: { ...validLetter, level: "final_notice", clientId: IDS.otherClient }, names: "逾期" },
  { path: "documents.issueLetter", case: "company profile missing", input: { ...validLetter, level: "payment_reminder" }, names: "公司资料", withProfile: false },
  { path: "documents.issueLetter", case: "unknown client", input: { ...validLetter, level: "suggested", clientId: 999 }, names: "客户", code: "NOT_FOUND" },
  { path: "documents.issueBatch", case: "no clients", input: { clientIds: [] }, names: "勾选" },
  { path: "documents.issueBatch", case: "client ids as text", input: { clientIds: "1,2" }, names: "客户" },
  { path: "documents.issueBatch", case: "only clients with nothing overdue", input: { clientIds: [IDS.otherClient] }, names: "逾期" },
  { path: "documents.issueBatch", case: "all overdue as text", input: { allOverdue: "yes" }, names: "全部逾期客户" },
  { path: "documents.startBatch", case: "no documents", input: { documentIds: [], format: "pdf" }, names: "文书" },
  { path: "documents.startBatch", case: "format docx", input: { documentIds: [1], format: "docx" }, names: "输出格式" },
  { path: "documents.startBatch", case: "unknown document", input: { documentIds: [999], format: "zip" }, names: "文书", code: "NOT_FOUND" },
  { path: "documents.batchStatus", case: "job id abc", input: { jobId: "abc" }, names: "任务编号" },
  { path: "documents.batchStatus", case: "unknown job", input: { jobId: "00000000-0000-4000-8000-000000000000" }, names: "任务", code: "NOT_FOUND" },
  { path: "documents.saveWording", case: "title of 13 characters", input: { level: "payment_reminder", title: "付".repeat(13), opening: "您好", request: "{付款期限}{金额}", consequence: "谢谢", clauseReference: "", closingPhrase: "特此函告。" }, names: "标题" },
  { path: "documents.saveWording", case: "request without pay-by", input: { level: "payment_reminder", title: "付款提醒函", opening: "您好", request: "请付{金额}", consequence: "谢谢", clauseReference: "", closingPhrase: "特此函告。" }, names: "{付款期限}" },
  { path: "documents.saveWording", case: "final notice without clauses", input: { level: "final_notice", title: "最后催告函", opening: "您好", request: "{付款期限}{金额}", consequence: "起诉", clauseReference: "", closingPhrase: "特此催告。" }, names: "合同条款" },
  { path: "documents.saveSeal", case: "not base64", input: { pngBase64: "不是图片" }, names: "印章图片" },
  { path: "documents.saveSeal", case: "JPEG bytes", input: { pngBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]).toString("base64") }, names: "PNG" },

  // Reminder notifications.
  { path: "notifications.saveRules", case: "send time 25:00", input: { ...validRules, sendAt: "25:00" }, names: "发送时间" },
  { path: "notifications.saveRules", case: "days before -1", input: { ...validRules, daysBefore: -1 }, names: "提前提醒天数" },
  { path: "notifications.saveRules", case: "minimum 1.5 fen", input: { ...validRules, minAmount: 1.5 }, names: "最低提醒金额" },
  { path: "notifications.saveRules", case: "enabled as text", input: { ...validRules, enabled: "yes" }, names: "启用每日提醒" },
  { path: "notifications.saveEmailChannel", case: "port 70000", input: { ...validEmailChannel, port: 70000 }, names: "SMTP 端口" },
  { path: "notifications.saveEmailChannel", case: "sender without @", input: { ...validEmailChannel, from: "huikuan" }, names: "发件人邮箱" },
  { path: "notifications.saveEmailChannel", case: "enabled without host", input: { ...validEmailChannel, enabled: true, host: "" }, names: "SMTP 服务器" },
  { path: "notifications.saveEmailChannel", case: "finance recipient without @", input: { ...validEmailChannel, financeRecipients: ["finance"] }, names: "财务汇总收件人" },
  { path: "notifications.saveWecomChannel", case: "webhook over ftp", input: { enabled: false, webhookUrl: "ftp://example.com/send" }, names: "Webhook 地址" },
  { path: "notifications.saveWecomChannel", case: "enabled without webhook", input: { enabled: true, webhookUrl: "" }, names: "Webhook 地址" },
  { path: "notifications.saveDingtalkChannel", case: "secret without SEC", input: { enabled: false, webhookUrl: "", signingSecret: "abc" }, names: "加签密钥" },
  { path: "notifications.saveDingtalkChannel", case: "webhook over plain http", input: { enabled: false, webhookUrl: "http://example.com/robot/send", signingSecret: "" }, names: "Webhook 地址" },
  { path: "notifications.sendTest", case: "unknown channel", input: { channel: "sms" }, names: "提醒渠道" },
  { path: "notifications.setStaffEmail", case: "e-mail without @", input: { staffId: IDS.manager, email: "wang" }, names: "业务员邮箱" },
  { path: "notifications.setStaffEmail", case: "unknown staff", input: { staffId: 999, email: "wang@example.com" }, names: "业务员" },
  { path: "notifications.holidays", case: "year 1999", input: { year: 1999 }, names: "年份" },
  { path: "notifications.holidays", case: "year as text", input: { year: "2026" }, names: "年份" },
  { path: "notifications.saveHoliday", case: "date 2026-02-30", input: { date: "2026-02-30", kind: "holiday", name: "春节" }, names: "日期" },
  { path: "notifications.saveHoliday", case: "kind rest", input: { date: "2026-02-16", kind: "rest", name: "春节" }, names: "类型" },
  { path: "notifications.saveHoliday", case: "name empty", input: { date: "2026-02-16", kind: "holiday", name: " " }, names: "名称" },
  { path: "notifications.removeHoliday", case: "date 2026-13-01", input: { date: "2026-13-01" }, names: "日期" },
  { path: "notifications.removeHoliday", case: "date not in the calendar", input: { date: "2026-12-25" }, names: "节假日安排", code: "NOT_FOUND" },
  { path: "notifications.sendLog", case: "date 2026-02-30", input: { date: "2026-02-30" }, names: "发送日期" },
  { path: "notifications.sendLog", case: "status done", input: { status: "done" }, names: "发送状态" },
  { path: "notifications.sendLog", case: "channel sms", input: { channel: "sms" }, names: "提醒渠道" },

  // Statements of account and situation statements.
  { path: "statements.accountStatement", case: "from 2026-02-30", input: { clientId: IDS.payingClient, from: "2026-02-30", to: "2026-11-30" }, names: "对账开始日期" },
  { path: "statements.accountStatement", case: "period reversed", input: { clientId: IDS.payingClient, from: "2026-11-30", to: "2026-11-01" }, names: "开始日期" },
  { path: "statements.accountStatement", case: "unknown client", input: { clientId: 999, from: "2026-11-01", to: "2026-11-30" }, names: "客户", code: "NOT_FOUND" },
  { path: "statements.issueStatement", case: "statement date after today", input: { clientId: IDS.payingClient, from: "2026-11-01", to: "2026-11-30", asOf: "2026-12-05" }, names: "对账单日期" },
  { path: "statements.issueStatement", case: "client id abc", input: { clientId: "abc", from: "2026-11-01", to: "2026-11-30" }, names: "客户" },
  { path: "statements.draftClientSituation", case: "addressed to nobody", input: { clientId: IDS.payingClient, addressedTo: "nobody" }, names: "致送对象" },
  { path: "statements.draftClientSituation", case: "as-of after today", input: { clientId: IDS.payingClient, addressedTo: "client", asOf: "2026-12-05" }, names: "截止日期" },
  { path: "statements.draftSummarySituation", case: "top 0", input: { from: "2026-11-01", top: 0 }, names: "欠款客户名次" },
  { path: "statements.draftSummarySituation", case: "from 2026-13-01", input: { from: "2026-13-01" }, names: "开始日期" },
  { path: "statements.previewSituation", case: "empty addressee", input: { kind: "situation_summary", clientId: null, addressee: " ", facts: "事实", summary: "总结", signatory: "星海", date: TODAY }, names: "称谓" },
  { path: "statements.previewSituation", case: "facts of 100k characters", input: { kind: "situation_summary", clientId: null, addressee: "公司领导", facts: LONG, summary: "总结", signatory: "星海", date: TODAY }, names: "事实" },
  { path: "statements.previewSituation", case: "date 2026-02-30", input: { kind: "situation_summary", clientId: null, addressee: "公司领导", facts: "事实", summary: "总结", signatory: "星海", date: "2026-02-30" }, names: "落款日期" },
  { path: "statements.issueSituation", case: "empty summary", input: { kind: "situation_summary", clientId: null, addressee: "公司领导", facts: "事实", summary: "", signatory: "星海", date: TODAY }, names: "总结" },
  { path: "statements.issueSituation", case: "client kind without client", input: { kind: "situation_client", clientId: null, addressee: "公司领导", facts: "事实", summary: "总结", signatory: "星海", date: TODAY }, names: "客户" },

  // Spreadsheet import.
  { path: "imports.upload", case: "an .xls file", input: { fileName: "台账.xls", content: "AAAA" }, names: "不是 .xlsx 或 .csv 文件" },
  { path: "imports.upload", case: "no content", input: { fileName: "台账.csv", content: "" }, names: "请选择要上传的文件" },
  { path: "imports.upload", case: "file name missing", input: { content: "AAAA" }, names: "文件名" },
  { path: "imports.inspect", case: "upload id with a path", input: { uploadId: "../../etc/passwd", entity: "contracts" }, names: "上传文件编号" },
  { path: "imports.inspect", case: "unknown entity", input: { uploadId: "0".repeat(24), entity: "invoices" }, names: "导入内容" },
  { path: "imports.inspect", case: "upload not found", input: { uploadId: "0".repeat(24), entity: "contracts" }, names: "上传的文件", code: "NOT_FOUND" },
  { path: "imports.preview", case: "date order dmy", input: { uploadId: "0".repeat(24), entity: "contracts", mapping: {}, dateOrder: "dmy" }, names: "日期写法" },
  { path: "imports.preview", case: "mapping of numbers", input: { uploadId: "0".repeat(24), entity: "contracts", mapping: { clientName: 5 } }, names: "列对应" },
  { path: "imports.confirm", case: "upload id missing", input: { entity: "contracts", mapping: {} }, names: "上传文件" },
  { path: "imports.confirm", case: "upload not found", input: { uploadId: "f".repeat(24), entity: "contracts", mapping: {} }, names: "上传的文件", code: "NOT_FOUND" },
  { path: "imports.savePreset", case: "name empty", input: { name: " ", entity: "contracts", mapping: {} }, names: "方案名称" },
  { path: "imports.savePreset", case: "built-in name", input: { name: "应收台账", entity: "contracts", mapping: {} }, names: "应收台账", code: "CONFLICT" },
  { path: "imports.get", case: "id 0", input: { importId: 0 }, names: "导入记录" },
  { path: "imports.get", case: "unknown id", input: { importId: 999 }, names: "导入记录", code: "NOT_FOUND" },

  // Collection work: contact log, promises, disputes, worklist.
  { path: "collections.addReason", case: "name empty", input: { name: " " }, names: "原因名称" },
  { path: "collections.addReason", case: "duplicate name", input: { name: "资金紧张" }, names: "资金紧张", code: "CONFLICT" },
  { path: "collections.updateReason", case: "id 0", input: { reasonId: 0, name: "资金紧张", active: true }, names: "未付款原因" },
  { path: "collections.updateReason", case: "active as text", input: { reasonId: 1, name: "资金紧张", active: "yes" }, names: "启用状态" },
  { path: "collections.updateReason", case: "unknown id", input: { reasonId: 999, name: "新原因", active: true }, names: "未付款原因", code: "NOT_FOUND" },
  { path: "collections.logContact", case: "bad channel", input: { clientId: IDS.payingClient, channel: "飞鸽传书", person: "李四" }, names: "联系方式" },
  { path: "collections.logContact", case: "empty person", input: { clientId: IDS.payingClient, channel: "电话", person: " " }, names: "联系对象" },
  { path: "collections.logContact", case: "follow-up before contact", input: { clientId: IDS.payingClient, channel: "电话", person: "李四", contactedAt: "2026-12-03T09:00", nextFollowUpOn: "2026-12-02" }, names: "下次跟进日期" },
  { path: "collections.logContact", case: "negative promise", input: { clientId: IDS.payingClient, channel: "电话", person: "李四", promise: { amount: -100, promisedOn: "2026-12-10" } }, names: "承诺金额" },
  { path: "collections.logContact", case: "contact time 25:00", input: { clientId: IDS.payingClient, channel: "电话", person: "李四", contactedAt: "2026-12-03T25:00" }, names: "联系时间" },
  { path: "collections.logContact", case: "unknown client", input: { clientId: 999, channel: "电话", person: "李四" }, names: "客户", code: "NOT_FOUND" },
  { path: "collections.logContact", case: "contract of another client", input: { clientId: IDS.payingClient, contractId: IDS.editableContract, channel: "电话", person: "李四" }, names: "合同" },
  { path: "collections.updateContact", case: "unknown contact", input: { contactId: 999, channel: "电话", person: "李四" }, names: "催收记录", code: "NOT_FOUND" },
  { path: "collections.updateContact", case: "empty person", input: { contactId: 1, channel: "电话", person: "" }, names: "联系对象" },
  { path: "collections.voidContact", case: "empty reason", input: { contactId: 1, reason: " " }, names: "作废原因" },
  { path: "collections.voidContact", case: "unknown contact", input: { contactId: 999, reason: "录错" }, names: "催收记录", code: "NOT_FOUND" },
  { path: "collections.recordPromise", case: "amount 0", input: { clientId: IDS.payingClient, amount: 0, promisedOn: "2026-12-10" }, names: "承诺金额" },
  { path: "collections.recordPromise", case: "date 2026-02-30", input: { clientId: IDS.payingClient, amount: 100, promisedOn: "2026-02-30" }, names: "承诺付款日期" },
  { path: "collections.recordPromise", case: "date before today", input: { clientId: IDS.payingClient, amount: 100, promisedOn: "2026-12-01" }, names: "承诺付款日期" },
  { path: "collections.voidPromise", case: "id 0", input: { promiseId: 0, reason: "录错" }, names: "承诺付款" },
  { path: "collections.voidPromise", case: "unknown id", input: { promiseId: 999, reason: "录错" }, names: "承诺付款", code: "NOT_FOUND" },
  { path: "collections.openDispute", case: "empty reason", input: { installmentId: 1, reason: "" }, names: "争议原因" },
  { path: "collections.openDispute", case: "unknown installment", input: { installmentId: 999, reason: "色差" }, names: "分期", code: "NOT_FOUND" },
  { path: "collections.resolveDispute", case: "empty note", input: { disputeId: 1, note: " " }, names: "解决说明" },
  { path: "collections.resolveDispute", case: "unknown dispute", input: { disputeId: 999, note: "已协商" }, names: "争议", code: "NOT_FOUND" },
  { path: "collections.forClient", case: "as-of 2026-02-30", input: { clientId: IDS.payingClient, asOf: "2026-02-30" }, names: "截止日期" },
  { path: "collections.forClient", case: "client abc", input: { clientId: "abc" }, names: "客户" },
  { path: "collections.listContacts", case: "bad channel", input: { channel: "传真" }, names: "联系方式" },
  { path: "collections.listContacts", case: "from after to", input: { from: "2026-12-01", to: "2026-11-01" }, names: "开始日期" },
  { path: "collections.disputes", case: "as-of 2026-13-01", input: { asOf: "2026-13-01" }, names: "截止日期" },
  { path: "collections.worklist", case: "days -1", input: { days: -1 }, names: "天数" },
  { path: "collections.worklist", case: "threshold -1", input: { growthThreshold: -1 }, names: "逾期增加阈值" },
  { path: "collections.worklist", case: "as-of 2026-02-30", input: { asOf: "2026-02-30" }, names: "截止日期" },
  // Background import confirm and its progress.
  { path: "imports.startConfirm", case: "date order dmy", input: { uploadId: "0".repeat(24), entity: "contracts", mapping: {}, dateOrder: "dmy" }, names: "日期写法" },
  { path: "imports.startConfirm", case: "upload not found", input: { uploadId: "f".repeat(24), entity: "contracts", mapping: {} }, names: "上传的文件", code: "NOT_FOUND" },
  { path: "imports.confirmStatus", case: "job id abc", input: { jobId: "abc" }, names: "导入任务编号" },
  { path: "imports.confirmStatus", case: "unknown job", input: { jobId: "00000000-0000-4000-8000-000000000000" }, names: "导入任务", code: "NOT_FOUND" },
];

describe("malformed input", () => {
  it("covers every procedure that takes input", () => {
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { inputs: unknown[] } }
    >;
    const tested = new Set(BAD_INPUTS.map((bad) => bad.path));
    const withInput = Object.entries(procedures)
      .filter(([, procedure]) => procedure._def.inputs.length > 0)
      .map(([path]) => path);

    expect(withInput.filter((path) => !tested.has(path))).toEqual([]);
  });

  it.each(BAD_INPUTS)("$path rejects $case", async (bad) => {
    const ctx = await seeded(bad.withProfile ?? true);
    const before = await rowCounts(ctx.db);

    const error = await rejection(call(ctx, bad.path, bad.input));

    expect(error.code).not.toBe("INTERNAL_SERVER_ERROR");
    expect(error.code).toBe(bad.code ?? "BAD_REQUEST");
    expect(error.message).toMatch(CHINESE);
    if (bad.names) expect(error.message).toContain(bad.names);
    expect(await rowCounts(ctx.db)).toEqual(before);
  });
});

describe("valid base inputs", () => {
  it.each([
    ["clients.create", validClient],
    ["clients.update", { ...validClient, clientId: IDS.otherClient, version: 1 }],
    ["contracts.create", validContract],
    ["contracts.update", validContractUpdate],
    ["payments.record", validPayment],
    ["payments.reverse", validReverse],
    ["reports.collectionLetter", validLetter],
    ["settings.saveCompany", validCompany],
    ["aging.saveBounds", { bounds: [30, 60, 90] }],
  ])("%s accepts the base input", async (path, input) => {
    const ctx = await seeded();

    await expect(call(ctx, path, input)).resolves.toBeDefined();
  });
});

describe("rejection messages", () => {
  // An optional date of the wrong type fails every branch of its zod union,
  // and the union's generic 无效输入 replaces the field's own message.
  it("name the optional date of the wrong type", async () => {
    const ctx = await seeded();

    const error = await rejection(
      call(ctx, "contracts.create", { ...validContract, serviceStart: 5 }),
    );

    expect(error.message).toContain("服务开始日期");
  });

  it("name the summary start date of the wrong type", async () => {
    const ctx = await seeded();

    const error = await rejection(call(ctx, "reports.summary", { from: 5 }));

    expect(error.message).toContain("开始日期");
  });

  // The value is shown through JSON.stringify, which writes NaN and
  // Infinity as null.
  it("show NaN as NaN", async () => {
    const ctx = await seeded();

    const error = await rejection(
      call(ctx, "payments.record", { ...validPayment, amount: Number.NaN }),
    );

    expect(error.message).toContain("NaN");
  });

  it("show Infinity as Infinity", async () => {
    const ctx = await seeded();

    const error = await rejection(
      call(ctx, "payments.record", { ...validPayment, amount: Number.POSITIVE_INFINITY }),
    );

    expect(error.message).toContain("Infinity");
  });

  // 1e20 is a whole number, but zod's int check also rejects unsafe
  // integers, so the message claims the amount has decimals.
  it("call 1e20 fen over the limit", async () => {
    const ctx = await seeded();

    const error = await rejection(
      call(ctx, "payments.record", { ...validPayment, amount: 1e20 }),
    );

    expect(error.message).toContain("超出上限");
  });
});
