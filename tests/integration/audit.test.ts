import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../db";
import { DEFAULT_LETTER_WORDING } from "../../documents/letter-wording";
import { appRouter } from "../../server/root";
import { type Caller, type TestContext, createTestContext } from "../support/context";
import { sealPng } from "../support/png";

const TODAY = "2026-12-04";

const contractFields = {
  businessTypeId: 1,
  title: "户外大牌",
  signedOn: "2026-10-01",
  serviceStart: null,
  serviceEnd: null,
  totalAmount: 100000,
  mediaCost: 0,
  productionCost: 0,
  notes: "",
  installments: [{ label: "全款", dueDate: "2026-11-01", amount: 100000 }],
};

const company = {
  name: "星海广告有限公司",
  address: "上海市",
  phone: "021-1234567",
  bankName: "中国工商银行上海分行",
  bankAccountName: "星海广告有限公司",
  bankAccountNumber: "6222 0000 1111 2222",
  signatory: "张总",
};

const mutationPaths = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, procedure]) => procedure._def.type === "mutation")
  .map(([path]) => path)
  .sort();

async function auditCount(db: Db): Promise<number> {
  const row = await db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function lastAudit(db: Db) {
  return db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
}

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const [router, name] = path.split(".") as [string, string];
  const procedures = (caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[router]!;
  return procedures[name]!(input);
}

/** A one-row receivables ledger for the imports.* mutations. */
const AUDIT_IMPORT_CSV = "客户名称,合同编号,合同金额,到期日\n审计导入客户,AU-IMP-1,100,2026-11-01\n";

describe("audit trail", () => {
  let ctx: TestContext;
  let admin: Caller;
  let adminId = "";
  let targetUserId = "";
  const ids = { clientId: 0, contractId: 0, editableContractId: 0, paymentId: 0, costId: 0, rewardClientId: 0, documentId: 0, staffId: 0 };
  const importUpload = { uploadId: "" };
  const importJobUpload = { uploadId: "" };
  const collectionIds = { contactId: 0, promiseId: 0, disputeId: 0, installmentId: 0 };

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
    const signedIn = await ctx.signIn("admin");
    admin = signedIn.caller;
    adminId = signedIn.user.id;
    targetUserId = (await ctx.signIn("viewer")).user.id;

    ids.clientId = (await admin.clients.create({ name: "审计客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" })).clientId;
    ids.contractId = (await admin.contracts.create({ ...contractFields, clientId: ids.clientId, contractNo: "AU-1" })).contractId;
    ids.paymentId = (
      await admin.payments.record({ clientId: ids.clientId, receivedOn: "2026-11-15", amount: 30000, method: "银行转账", bankReference: "", note: "", contractId: null })
    ).paymentId;
    ids.costId = (await admin.costs.record({ paidOn: "2026-11-15", categoryId: 1, amount: 5000, note: "审计成本" })).costId;
    ids.editableContractId = (
      await admin.contracts.create({ ...contractFields, clientId: ids.clientId, contractNo: "AU-2", installments: [{ label: "全款", dueDate: "2027-03-01", amount: 100000 }] })
    ).contractId;
    // Credit and rewards: a client that paid an installment before its due date.
    await admin.rewards.saveRule({ enabled: true, basisPoints: 100, kind: "rebate", startsOn: "2026-01-01" });
    ids.rewardClientId = (await admin.clients.create({ name: "奖励客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" })).clientId;
    const rewarded = await admin.contracts.create({ ...contractFields, clientId: ids.rewardClientId, contractNo: "AU-R", installments: [{ label: "全款", dueDate: "2027-01-01", amount: 100000 }] });
    await admin.payments.record({ clientId: ids.rewardClientId, receivedOn: "2026-11-20", amount: 100000, method: "银行转账", bankReference: "", note: "", contractId: rewarded.contractId });
    // Issued documents: the company profile letters need, and a letter for documents.void.
    await admin.settings.saveCompany(company);
    ids.documentId = (await admin.documents.issueLetter({ clientId: ids.clientId, level: "payment_reminder" })).documentId;
    // Reminder notifications: an account manager whose e-mail address notifications.setStaffEmail sets.
    ids.staffId = (await admin.settings.addStaff({ name: "提醒业务员", phone: "" })).staffId;
    // Spreadsheet import: an uploaded one-row ledger for imports.confirm.
    importUpload.uploadId = (await admin.imports.upload({ fileName: "审计.csv", content: Buffer.from(AUDIT_IMPORT_CSV).toString("base64") })).uploadId;
    // Collection work: a contact and a promise to correct and void, a dispute to resolve, an installment to dispute.
    collectionIds.contactId = (await admin.collections.logContact({ clientId: ids.clientId, channel: "电话", person: "李会计", outcome: "" })).contactId;
    collectionIds.promiseId = (await admin.collections.recordPromise({ clientId: ids.clientId, amount: 100, promisedOn: "2026-12-31", note: "" })).promiseId;
    const disputed = await ctx.db.selectFrom("installment").select("id").where("contract_id", "=", ids.contractId).executeTakeFirstOrThrow();
    collectionIds.disputeId = (await admin.collections.openDispute({ installmentId: disputed.id, reason: "画面色差" })).disputeId;
    const disputable = await admin.contracts.create({ ...contractFields, clientId: ids.clientId, contractNo: "AU-D" });
    const undisputed = await ctx.db.selectFrom("installment").select("id").where("contract_id", "=", disputable.contractId).executeTakeFirstOrThrow();
    collectionIds.installmentId = undisputed.id;
    // Background import confirm: an uploaded one-row ledger for imports.startConfirm.
    importJobUpload.uploadId = (await admin.imports.upload({ fileName: "审计后台.csv", content: Buffer.from(AUDIT_IMPORT_CSV).toString("base64") })).uploadId;
  }, 60_000);

  function validInput(path: string): unknown {
    const inputs: Record<string, unknown> = {
      "clients.create": { name: "审计新客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" },
      "clients.update": { clientId: ids.clientId, version: 1, name: "审计客户（改名）", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" },
      "contracts.create": { ...contractFields, clientId: ids.clientId, contractNo: "AU-3" },
      "contracts.update": { ...contractFields, clientId: ids.clientId, contractNo: "AU-2", contractId: ids.editableContractId, version: 1, installments: [{ label: "全款", dueDate: "2027-04-01", amount: 100000 }] },
      "payments.record": { clientId: ids.clientId, receivedOn: "2026-12-01", amount: 100, method: "现金", bankReference: "", note: "", contractId: null },
      "payments.reverse": { paymentId: ids.paymentId, reason: "录入错误" },
      "settings.saveCompany": company,
      "aging.saveBounds": { bounds: [30, 60, 90, 180, 365] },
      "settings.addStaff": { name: "审计业务员", phone: "" },
      "trend.saveAnnotation": { month: "2026-02", note: "春节" },
      "trend.clearAnnotation": { month: "2026-02" },
      "settings.addBusinessType": { name: "审计业务" },
      "costs.record": { paidOn: "2026-12-01", categoryId: 2, amount: 300, note: "" },
      "costs.void": { costId: ids.costId, reason: "录入错误" },
      "costs.addCategory": { name: "审计类别" },
      "users.create": { name: "审计用户", username: "audituser", email: "audituser@test.invalid", role: "viewer", staffId: null, password: "audit-password-1" },
      "users.update": { userId: targetUserId, name: "改名用户", role: "viewer", staffId: null },
      "users.setDisabled": { userId: targetUserId, disabled: true },
      "users.setPassword": { userId: targetUserId, password: "another-password-1" },
      // Credit control and on-time rewards
      "credit.setLimit": { clientId: ids.rewardClientId, creditLimit: 500000 },
      "credit.blacklist": { clientId: ids.rewardClientId, reason: "恶意拖欠" },
      "credit.lift": { clientId: ids.rewardClientId, reason: "已结清" },
      "rewards.saveRule": { enabled: true, basisPoints: 100, kind: "rebate", startsOn: "2026-01-01" },
      "rewards.redeem": { clientId: ids.rewardClientId, amount: 500, usedOn: "2026-12-01", contractId: null, note: "" },
      "rewards.voidRedemption": { redemptionId: 1, reason: "录入错误" },
      // Issued documents and letter settings
      "documents.void": { documentId: ids.documentId, reason: "录入错误" },
      "documents.issueLetter": { clientId: ids.clientId, level: "collection_demand" },
      "documents.issueBatch": { clientIds: [ids.clientId], level: "final_notice" },
      "documents.startBatch": { documentIds: [ids.documentId], format: "zip" },
      "documents.saveWording": { level: "collection_demand", ...DEFAULT_LETTER_WORDING.collection_demand },
      "documents.saveSeal": { pngBase64: sealPng().toString("base64") },
      "documents.clearSeal": {},
      // Reminder notifications.
      "notifications.saveRules": { enabled: true, daysBefore: 3, onDueDate: true, overdueEveryDays: 7, minAmount: 0, sendAt: "09:00", skipNonWorkingDays: true },
      "notifications.saveEmailChannel": { enabled: false, host: "127.0.0.1", port: 9, tls: true, user: "robot", smtpPassword: "smtp-password-1", from: "huikuan@example.com", financeRecipients: [] },
      "notifications.saveWecomChannel": { enabled: false, webhookUrl: "http://127.0.0.1:9/cgi-bin/webhook/send?key=wecom-password-1" },
      "notifications.saveDingtalkChannel": { enabled: false, webhookUrl: "http://127.0.0.1:9/robot/send?access_token=password-1", signingSecret: "SECpassword1" },
      "notifications.sendTest": { channel: "wecom" },
      "notifications.setStaffEmail": { staffId: ids.staffId, email: "audit@example.com" },
      "notifications.saveHoliday": { date: "2026-12-31", kind: "holiday", name: "审计假日" },
      "notifications.removeHoliday": { date: "2026-01-01" },
      // Spreadsheet import
      "imports.upload": { fileName: "审计.csv", content: Buffer.from(AUDIT_IMPORT_CSV).toString("base64") },
      "imports.confirm": { uploadId: importUpload.uploadId, entity: "contracts", mapping: { clientName: "客户名称", contractNo: "合同编号", totalAmount: "合同金额", dueDate: "到期日" }, dateOrder: "ymd" },
      "imports.savePreset": { name: "审计方案", entity: "contracts", mapping: { clientName: "客户名称" }, dateOrder: "ymd" },
      // Statements of account and situation statements.
      "statements.issueStatement": { clientId: ids.clientId, from: "2026-11-01", to: "2026-11-30" },
      "statements.issueSituation": { kind: "situation_summary", clientId: null, addressee: "公司领导", facts: "事实", summary: "总结", signatory: "星海广告有限公司", date: TODAY },
      // Collection work: contact log, promises, disputes.
      "collections.addReason": { name: "审计原因" },
      "collections.updateReason": { reasonId: 1, name: "审计改名原因", active: false },
      "collections.logContact": { clientId: ids.clientId, channel: "微信", person: "王总", promise: { amount: 500, promisedOn: "2026-12-20" } },
      "collections.updateContact": { contactId: collectionIds.contactId, channel: "电话", person: "李会计", outcome: "更正" },
      "collections.voidContact": { contactId: collectionIds.contactId, reason: "录错客户" },
      "collections.recordPromise": { clientId: ids.clientId, amount: 300, promisedOn: "2026-12-25" },
      "collections.voidPromise": { promiseId: collectionIds.promiseId, reason: "录错" },
      "collections.openDispute": { installmentId: collectionIds.installmentId, reason: "点位偏移" },
      "collections.resolveDispute": { disputeId: collectionIds.disputeId, note: "已协商" },
      // Background import confirm.
      "imports.startConfirm": { uploadId: importJobUpload.uploadId, entity: "contracts", mapping: { clientName: "客户名称", contractNo: "合同编号", totalAmount: "合同金额", dueDate: "到期日" }, dateOrder: "ymd" },
    };
    return inputs[path];
  }

  it("has an input for every mutation", () => {
    expect(mutationPaths.filter((path) => validInput(path) === undefined)).toEqual([]);
  });

  it.each(mutationPaths)("%s leaves exactly one row", async (path) => {
    const before = await auditCount(ctx.db);

    await call(admin, path, validInput(path));

    expect(await auditCount(ctx.db)).toBe(before + 1);
    const row = await lastAudit(ctx.db);
    expect(row.action).toBe(path);
    expect(row.actor_id).toBe(adminId);
    expect(row.after).not.toBeNull();
    expect(row.after ?? "").not.toContain("password-1");
  });

  it("records values before and after an update", async () => {
    await admin.clients.update({ clientId: ids.clientId, version: 2, name: "审计客户（再改）", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });

    const row = await lastAudit(ctx.db);
    expect(JSON.parse(row.before ?? "{}").name).toBe("审计客户（改名）");
    expect(JSON.parse(row.after ?? "{}").name).toBe("审计客户（再改）");
    expect(row.client_id).toBe(ids.clientId);
  });

  it("records nothing for a rejected mutation", async () => {
    const before = await auditCount(ctx.db);

    await expect(admin.clients.create({ name: "审计新客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" })).rejects.toThrow(/已存在/);

    expect(await auditCount(ctx.db)).toBe(before);
  });

  it("rolls back a change whose audit row fails", async () => {
    const clients = await ctx.db.selectFrom("client").select("id").execute();
    await ctx.db.schema.alterTable("audit_log").renameTo("audit_log_hidden").execute();
    try {
      await expect(
        admin.clients.create({ name: "无审计客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" }),
      ).rejects.toThrow();
    } finally {
      await ctx.db.schema.alterTable("audit_log_hidden").renameTo("audit_log").execute();
    }

    expect(await ctx.db.selectFrom("client").select("id").execute()).toHaveLength(clients.length);
  });

  it("lists a client's history", async () => {
    const history = await admin.audit.forClient({ clientId: ids.clientId });

    const actions = history.rows.map((row) => row.action);
    expect(actions).toContain("clients.create");
    expect(actions).toContain("payments.record");
    expect(actions).toContain("contracts.create");
  });

  it("lists a contract's history", async () => {
    const history = await admin.audit.forContract({ contractId: ids.editableContractId });

    expect(history.rows.map((row) => row.action)).toEqual(["contracts.update", "contracts.create"]);
  });
});
