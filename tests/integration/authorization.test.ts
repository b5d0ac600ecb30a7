import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_LETTER_WORDING } from "../../documents/letter-wording";
import { canCall, PROCEDURE_ROLES, type Role, ROLES } from "../../server/permissions";
import { appRouter } from "../../server/root";
import { type Caller, createTestContext, type TestContext } from "../support/context";
import { sealPng } from "../support/png";

const TODAY = "2026-12-04";

type Procedure = (input?: unknown) => Promise<unknown>;

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const [routerName, procedureName] = path.split(".") as [string, string];
  const routers = caller as unknown as Record<string, Record<string, Procedure>>;
  return routers[routerName]![procedureName]!(input);
}

/** The error a call throws, or null when it succeeds. */
async function outcome(promise: Promise<unknown>): Promise<TRPCError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
}

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

/** Ids of the fixture, checked when it is built. */
const IDS = {
  managerA: 1,
  managerB: 2,
  clientA: 1,
  clientB: 2,
  contractA: 1,
  contractB: 2,
  paymentA: 1,
  paymentB: 2,
};

const contractFields = {
  businessTypeId: 1,
  title: "户外大牌",
  signedOn: "2026-10-01",
  serviceStart: null,
  serviceEnd: null,
  totalAmount: 100000,
  mediaCost: 60000,
  productionCost: 5000,
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

/**
 * Two account managers, A and B, each with a client, an overdue contract
 * and a payment on it, and the company profile letters need.
 */
async function seed(ctx: TestContext): Promise<void> {
  const { caller } = ctx;
  const a = await caller.settings.addStaff({ name: "业务员甲", phone: "" });
  const b = await caller.settings.addStaff({ name: "业务员乙", phone: "" });
  const clientA = await caller.clients.create({ name: "甲的客户", contactPerson: "", phone: "", address: "", accountManagerId: a.staffId, notes: "" });
  const clientB = await caller.clients.create({ name: "乙的客户", contactPerson: "", phone: "", address: "", accountManagerId: b.staffId, notes: "" });
  const contractA = await caller.contracts.create({ ...contractFields, clientId: clientA.clientId, contractNo: "A-1" });
  const contractB = await caller.contracts.create({ ...contractFields, clientId: clientB.clientId, contractNo: "B-1" });
  const payment = { receivedOn: "2026-11-15", amount: 30000, method: "银行转账" as const, bankReference: "", note: "", contractId: null };
  const paymentA = await caller.payments.record({ ...payment, clientId: clientA.clientId });
  const paymentB = await caller.payments.record({ ...payment, clientId: clientB.clientId });
  await caller.settings.saveCompany(company);

  expect({
    managerA: a.staffId,
    managerB: b.staffId,
    clientA: clientA.clientId,
    clientB: clientB.clientId,
    contractA: contractA.contractId,
    contractB: contractB.contractId,
    paymentA: paymentA.paymentId,
    paymentB: paymentB.paymentId,
  }).toEqual(IDS);
}

/**
 * Inputs under which every procedure succeeds for a role allowed to call
 * it (account managers are manager A), so an allowed call can fail only
 * for reasons other than permissions. `targetUserId` is a user the users.*
 * procedures change.
 */
function validInputs(targetUserId: string, run: number): Record<string, unknown> {
  return {
    "clients.list": {},
    "clients.listWithBalances": {},
    "clients.get": { clientId: IDS.clientA },
    "clients.ledger": { clientId: IDS.clientA },
    "clients.create": { name: `新客户${run}`, contactPerson: "", phone: "", address: "", accountManagerId: IDS.managerA, notes: "" },
    "clients.update": { clientId: IDS.clientA, version: run, name: "甲的客户", contactPerson: "", phone: "", address: "", accountManagerId: IDS.managerA, notes: `第 ${run} 次修改` },
    "contracts.get": { contractId: IDS.contractA },
    "contracts.editableIds": { clientId: IDS.clientA },
    "contracts.create": { ...contractFields, clientId: IDS.clientA, contractNo: `A-new-${run}` },
    "contracts.update": { ...contractFields, clientId: IDS.clientA, contractNo: "A-edit", contractId: 3, version: run },
    "payments.record": { clientId: IDS.clientA, receivedOn: "2026-12-01", amount: 100, method: "银行转账", bankReference: "", note: "", contractId: null },
    "payments.reverse": { paymentId: IDS.paymentA + 1 + run, reason: "录错" },
    "payments.get": { paymentId: IDS.paymentA },
    "payments.list": {},
    "payments.openContracts": { clientId: IDS.clientA },
    "reports.dashboard": {},
    "reports.summary": {},
    "reports.summaryByManager": {},
    "reports.summaryByBusinessType": {},
    "reports.reminders": {},
    "reports.collectionLetter": { clientId: IDS.clientA },
    "value.ranking": {},
    "trend.report": {},
    "trend.drillDown": { month: "2026-11" },
    "trend.saveAnnotation": { month: "2026-02", note: `春节 ${run}` },
    "trend.clearAnnotation": { month: "2026-02" },
    "aging.report": { asOf: "2026-12-04" },
    "aging.bounds": undefined,
    "aging.saveBounds": { bounds: [30, 60, 90, 180, 365] },
    "speed.ranking": { asOf: "2026-12-04" },
    "settings.clock": undefined,
    "settings.company": undefined,
    "settings.missingCompanyFields": undefined,
    "settings.saveCompany": company,
    "settings.staff": undefined,
    "settings.addStaff": { name: `新员工${run}`, phone: "" },
    "settings.businessTypes": undefined,
    "settings.addBusinessType": { name: `新业务${run}` },
    "users.list": undefined,
    "users.create": { name: "新用户", username: `newuser${run}`, email: `newuser${run}@test.invalid`, role: "viewer", staffId: null, password: "new-password-1" },
    "users.update": { userId: targetUserId, name: `改名${run}`, role: "viewer", staffId: null },
    "users.setDisabled": { userId: targetUserId, disabled: run % 2 === 1 },
    "users.setPassword": { userId: targetUserId, password: `new-password-${run}` },
    "audit.list": {},
    "costs.list": {},
    "costs.record": { paidOn: "2026-12-01", categoryId: 1, amount: 100, note: `第 ${run} 笔` },
    "costs.void": { costId: run, reason: "录错" },
    "costs.categories": undefined,
    "costs.addCategory": { name: `新类别${run}` },
    "costs.cashFlow": {},
    "audit.forClient": { clientId: IDS.clientA },
    "audit.forContract": { contractId: IDS.contractA },
    // Credit control and on-time rewards (client B is blacklisted, then lifted)
    "credit.status": { clientId: IDS.clientA, newAmount: 100 },
    "credit.setLimit": { clientId: IDS.clientA, creditLimit: 1_000_000 + run },
    "credit.blacklist": { clientId: IDS.clientB, reason: `恶意拖欠 ${run}` },
    "credit.lift": { clientId: IDS.clientB, reason: `已结清 ${run}` },
    "credit.blacklisted": {},
    "rewards.rule": undefined,
    "rewards.saveRule": { enabled: true, basisPoints: 100, kind: "rebate", startsOn: "2026-01-01" },
    "rewards.summary": { clientId: IDS.clientA },
    "rewards.redeem": { clientId: IDS.clientA, amount: 10, usedOn: "2026-12-01", contractId: null, note: "" },
    "rewards.voidRedemption": { redemptionId: run, reason: "录错" },
    // Issued documents: letters 1 and 2 to client A, voided one each by the allowed roles
    "documents.list": {},
    "documents.get": { documentId: 1 },
    "documents.download": { documentId: 1 },
    "documents.void": { documentId: run, reason: "发错" },
    "documents.suggestLevel": { clientId: IDS.clientA },
    "documents.previewLetter": { clientId: IDS.clientA, level: "payment_reminder" },
    "documents.issueLetter": { clientId: IDS.clientA, level: "suggested" },
    "documents.issueBatch": { clientIds: [IDS.clientA], level: "collection_demand" },
    "documents.startBatch": { documentIds: [1], format: "zip" },
    "documents.batchStatus": { jobId: documentFixture.managerJobId },
    "documents.wording": undefined,
    "documents.saveWording": { level: "payment_reminder", ...DEFAULT_LETTER_WORDING.payment_reminder },
    "documents.seal": undefined,
    "documents.saveSeal": { pngBase64: sealPng().toString("base64") },
    "documents.clearSeal": undefined,
    // Reminder notifications.
    "notifications.overview": undefined,
    "notifications.saveRules": { enabled: true, daysBefore: 3, onDueDate: true, overdueEveryDays: 7, minAmount: 0, sendAt: "09:00", skipNonWorkingDays: true },
    "notifications.saveEmailChannel": { enabled: false, host: "", port: 465, tls: true, user: "", smtpPassword: "", from: "", financeRecipients: [] },
    "notifications.saveWecomChannel": { enabled: false, webhookUrl: "" },
    "notifications.saveDingtalkChannel": { enabled: false, webhookUrl: "", signingSecret: "" },
    "notifications.sendTest": { channel: "wecom" },
    "notifications.staffEmails": undefined,
    "notifications.setStaffEmail": { staffId: IDS.managerA, email: `manager${run}@example.com` },
    "notifications.holidays": { year: 2026 },
    "notifications.saveHoliday": { date: "2026-12-31", kind: "holiday", name: `测试假日${run}` },
    "notifications.removeHoliday": { date: "2026-01-01" },
    "notifications.sendLog": {},
    // Spreadsheet import: each allowed confirm imports an upload of its own.
    "imports.upload": { fileName: "授权.csv", content: Buffer.from(IMPORT_CSV).toString("base64") },
    "imports.inspect": { uploadId: importFixture.uploadIds[2], entity: "contracts" },
    "imports.preview": { ...importSettings, uploadId: importFixture.uploadIds[2] },
    "imports.confirm": { ...importSettings, uploadId: importFixture.uploadIds[run - 1] },
    "imports.presets": undefined,
    "imports.savePreset": { name: `授权方案${run}`, entity: "contracts", mapping: importSettings.mapping, dateOrder: "ymd" },
    "imports.history": undefined,
    "imports.get": { importId: importFixture.importId },
    // Statements of account and situation statements.
    "statements.accountStatement": { clientId: IDS.clientA, from: "2026-10-01", to: "2026-11-30" },
    "statements.issueStatement": { clientId: IDS.clientA, from: "2026-10-01", to: "2026-11-30" },
    "statements.draftClientSituation": { clientId: IDS.clientA, addressedTo: "management" },
    "statements.draftSummarySituation": { from: "2026-11-01" },
    "statements.previewSituation": { kind: "situation_client", clientId: IDS.clientA, addressee: "公司领导", facts: "事实", summary: "总结", signatory: "星海广告有限公司", date: TODAY },
    "statements.issueSituation": { kind: "situation_client", clientId: IDS.clientA, addressee: "公司领导", facts: "事实", summary: "总结", signatory: "星海广告有限公司", date: TODAY },
    // Collection work: contact log, promises, disputes, worklist.
    "collections.reasons": undefined,
    "collections.addReason": { name: `新原因${run}` },
    "collections.updateReason": { reasonId: 1, name: `原因改名${run}`, active: true },
    "collections.logContact": { clientId: IDS.clientA, channel: "上门拜访", person: "王总", promise: { amount: 100, promisedOn: "2026-12-20" } },
    "collections.updateContact": { contactId: collectionsFixture.contactIds[run - 1], channel: "电话", person: "李会计", outcome: `第 ${run} 次更正` },
    "collections.voidContact": { contactId: collectionsFixture.contactIds[run - 1], reason: "录错" },
    "collections.recordPromise": { clientId: IDS.clientA, amount: 100, promisedOn: "2026-12-31" },
    "collections.voidPromise": { promiseId: collectionsFixture.promiseIds[run - 1], reason: "录错" },
    "collections.openDispute": { installmentId: collectionsFixture.installmentIds[run - 1], reason: "点位偏移" },
    "collections.resolveDispute": { disputeId: collectionsFixture.disputeIds[run - 1], note: "已协商" },
    "collections.forClient": { clientId: IDS.clientA },
    "collections.listContacts": {},
    "collections.disputes": {},
    "collections.worklist": {},
    // Background import confirm: each allowed startConfirm confirms an upload of its own.
    "imports.startConfirm": { ...importSettings, uploadId: importJobFixture.uploadIds[run - 1] },
    "imports.confirmStatus": { jobId: importJobFixture.jobId },
  };
}

/** Uploads of a one-row ledger for the imports.* calls, and an import already confirmed. */
const IMPORT_CSV = "客户名称,合同编号,合同金额,到期日\n授权导入客户,AUTH-IMP-1,100,2026-11-01\n";
const importSettings = {
  entity: "contracts" as const,
  mapping: { clientName: "客户名称", contractNo: "合同编号", totalAmount: "合同金额", dueDate: "到期日" },
  dateOrder: "ymd" as const,
  defaultBusinessType: "",
};
const importFixture = { uploadIds: [] as string[], importId: 0 };

/** Batch job started by account manager A, whose status every allowed role may read. */
const documentFixture = { managerJobId: "" };

/** Collection records made in the fixture, indexed by run - 1 (admin, finance, account manager). */
const collectionsFixture = { contactIds: [] as number[], promiseIds: [] as number[], installmentIds: [] as number[], disputeIds: [] as number[] };

/** Uploads for the allowed imports.startConfirm calls, and a confirm job every allowed role may read. */
const importJobFixture = { uploadIds: [] as string[], jobId: "" };

describe("permission table", () => {
  it("lists every procedure", () => {
    const missing = procedurePaths.filter((path) => !Object.hasOwn(PROCEDURE_ROLES, path));

    expect(missing).toEqual([]);
  });

  it("lists no procedure that does not exist", () => {
    const unknown = Object.keys(PROCEDURE_ROLES).filter((path) => !procedurePaths.includes(path));

    expect(unknown).toEqual([]);
  });

  it("denies a path missing from it", () => {
    expect(canCall("admin", "clients.delete")).toBe(false);
  });

  it("denies the inherited object keys", () => {
    expect(canCall("admin", "constructor")).toBe(false);
  });
});

describe("every procedure for every role", () => {
  let ctx: TestContext;
  const callers = new Map<Role | "signed out", Caller>();
  let targetUserId = "";

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
    await seed(ctx);
    // Two more payments, which the allowed payments.reverse calls reverse one each.
    for (let index = 0; index < ROLES.length; index += 1) {
      await ctx.caller.payments.record({ clientId: IDS.clientA, receivedOn: "2026-11-20", amount: 100, method: "现金", bankReference: "", note: "", contractId: null });
    }
    // Costs, which the allowed costs.void calls void one each.
    for (let index = 0; index < ROLES.length; index += 1) {
      await ctx.caller.costs.record({ paidOn: "2026-11-20", categoryId: 1, amount: 100, note: "" });
    }
    // A contract with nothing applied, for contracts.update.
    await ctx.caller.contracts.create({ ...contractFields, clientId: IDS.clientA, contractNo: "A-edit", installments: [{ label: "全款", dueDate: "2027-06-01", amount: 100000 }] });

    // On-time reward for client A, which the allowed rewards.redeem calls use.
    await ctx.caller.rewards.saveRule({ enabled: true, basisPoints: 100, kind: "rebate", startsOn: "2026-01-01" });
    const rewarded = await ctx.caller.contracts.create({ ...contractFields, clientId: IDS.clientA, contractNo: "A-reward", installments: [{ label: "全款", dueDate: "2027-06-01", amount: 100000 }] });
    await ctx.caller.payments.record({ clientId: IDS.clientA, receivedOn: "2026-11-25", amount: 100000, method: "现金", bankReference: "", note: "", contractId: rewarded.contractId });

    for (const role of ROLES) {
      const signedIn = await ctx.signIn(role, { staffId: role === "account_manager" ? IDS.managerA : null });
      callers.set(role, signedIn.caller);
    }
    // Issued documents: two letters to client A and a batch job of account manager A.
    await ctx.caller.documents.issueLetter({ clientId: IDS.clientA, level: "payment_reminder" });
    await ctx.caller.documents.issueLetter({ clientId: IDS.clientA, level: "payment_reminder" });
    documentFixture.managerJobId = (await callers.get("account_manager")!.documents.startBatch({ documentIds: [1], format: "zip" })).jobId;
    callers.set("signed out", ctx.callerAs(null));
    const target = await ctx.signIn("viewer");
    targetUserId = target.user.id;
    // Spreadsheet import: uploads for the allowed confirm calls and inspect/preview, and one confirmed import.
    for (let index = 0; index < 4; index += 1) {
      const { uploadId } = await ctx.caller.imports.upload({ fileName: "授权.csv", content: Buffer.from(IMPORT_CSV).toString("base64") });
      importFixture.uploadIds.push(uploadId);
    }
    importFixture.importId = (await ctx.caller.imports.confirm({ ...importSettings, uploadId: importFixture.uploadIds[3]! })).importId;
    // Collection work: per role that may log one, a contact and a promise of its own (only the author
    // edits a contact), and a contract of six installments, the last three disputed for resolveDispute.
    const collectionContract = await ctx.caller.contracts.create({
      ...contractFields,
      clientId: IDS.clientA,
      contractNo: "A-collections",
      installments: [20000, 20000, 20000, 20000, 10000, 10000].map((amount, index) => ({ label: `第${index + 1}期`, dueDate: "2027-03-01", amount })),
    });
    const collectionInstallments = await ctx.db.selectFrom("installment").select("id").where("contract_id", "=", collectionContract.contractId).orderBy("seq").execute();
    collectionsFixture.installmentIds = collectionInstallments.map((row) => row.id);
    for (const role of ["admin", "finance", "account_manager"] as const) {
      const roleCaller = callers.get(role)!;
      collectionsFixture.contactIds.push((await roleCaller.collections.logContact({ clientId: IDS.clientA, channel: "电话", person: "李会计", outcome: "" })).contactId);
      collectionsFixture.promiseIds.push((await roleCaller.collections.recordPromise({ clientId: IDS.clientA, amount: 100, promisedOn: "2026-12-31", note: "" })).promiseId);
    }
    for (const installmentId of collectionsFixture.installmentIds.slice(3)) {
      collectionsFixture.disputeIds.push((await ctx.caller.collections.openDispute({ installmentId, reason: "画面色差" })).disputeId);
    }
    // Background import confirm: uploads for the allowed startConfirm calls and a job started by the administrator.
    for (let index = 0; index < 3; index += 1) {
      const { uploadId } = await ctx.caller.imports.upload({ fileName: "授权后台.csv", content: Buffer.from(IMPORT_CSV).toString("base64") });
      importJobFixture.uploadIds.push(uploadId);
    }
    importJobFixture.jobId = (await ctx.caller.imports.startConfirm({ ...importSettings, uploadId: importJobFixture.uploadIds[2]! })).jobId;
  }, 60_000);

  it("has a valid input for every procedure", () => {
    const inputs = validInputs("x", 1);

    expect(procedurePaths.filter((path) => !Object.hasOwn(inputs, path))).toEqual([]);
  });

  it.each(procedurePaths)("%s follows the permission table", async (path) => {
    let run = 0;
    for (const [who, caller] of callers) {
      const input = validInputs(targetUserId, run + 1)[path];
      const error = await outcome(call(caller, path, input));
      const label = `${path} as ${who}`;

      if (who === "signed out") {
        expect(error?.code, label).toBe("UNAUTHORIZED");
        expect(error?.message, label).toBe("请先登录");
      } else if (canCall(who, path)) {
        run += 1;
        expect(error, `${label}: ${error?.message}`).toBeNull();
      } else {
        expect(error?.code, label).toBe("FORBIDDEN");
        expect(error?.message, label).toContain("您没有权限");
      }
    }
  });

  it("rejects before reading the input", async () => {
    const error = await outcome(call(callers.get("viewer")!, "payments.record", { amount: "not even a number" }));

    expect(error?.code).toBe("FORBIDDEN");
  });
});

describe("account manager scope", () => {
  let ctx: TestContext;
  let managerA: Caller;

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
    await seed(ctx);
    managerA = (await ctx.signIn("account_manager", { staffId: IDS.managerA })).caller;
  }, 60_000);

  it.each([
    ["clients.get", { clientId: IDS.clientB }],
    ["clients.ledger", { clientId: IDS.clientB }],
    ["clients.update", { clientId: IDS.clientB, version: 1, name: "乙的客户", contactPerson: "", phone: "", address: "", accountManagerId: IDS.managerA, notes: "" }],
    ["contracts.get", { contractId: IDS.contractB }],
    ["contracts.editableIds", { clientId: IDS.clientB }],
    ["contracts.create", { ...contractFields, clientId: IDS.clientB, contractNo: "B-2" }],
    ["contracts.update", { ...contractFields, clientId: IDS.clientB, contractNo: "B-1", contractId: IDS.contractB, version: 1 }],
    ["payments.get", { paymentId: IDS.paymentB }],
    ["payments.openContracts", { clientId: IDS.clientB }],
    ["reports.collectionLetter", { clientId: IDS.clientB }],
    // Collection work.
    ["collections.logContact", { clientId: IDS.clientB, channel: "电话", person: "李会计" }],
    ["collections.recordPromise", { clientId: IDS.clientB, amount: 100, promisedOn: "2026-12-31" }],
    ["collections.openDispute", { installmentId: 2, reason: "色差" }],
    ["collections.forClient", { clientId: IDS.clientB }],
  ])("%s of another manager's client is not found", async (path, input) => {
    const error = await outcome(call(managerA, path, input));

    expect(error?.code).toBe("NOT_FOUND");
  });

  it("cannot tell another manager's client from a missing one", async () => {
    const other = await outcome(managerA.clients.get({ clientId: IDS.clientB }));
    const missing = await outcome(managerA.clients.get({ clientId: 999 }));

    expect(other?.message).toBe(`客户不存在（编号 ${IDS.clientB}）`);
    expect(missing?.message).toBe("客户不存在（编号 999）");
  });

  it("lists only their own clients", async () => {
    const list = await managerA.clients.list({});

    expect(list.map((client) => client.id)).toEqual([IDS.clientA]);
  });

  it("lists only their own clients whatever manager is asked for", async () => {
    const list = await managerA.clients.listWithBalances({ accountManagerId: IDS.managerB });

    expect(list.rows.map((row) => row.id)).toEqual([IDS.clientA]);
  });

  it("lists only their own clients' payments", async () => {
    const list = await managerA.payments.list({ search: "" });

    expect(list.payments.map((payment) => payment.clientId)).toEqual([IDS.clientA]);
  });

  it("sees reminders of their own clients only", async () => {
    const reminders = await managerA.reports.reminders({});

    expect(reminders.clients.map((row) => row.client.id)).toEqual([IDS.clientA]);
  });

  it("sees summaries of their own clients only", async () => {
    const summary = await managerA.reports.summary({ clientId: IDS.clientB });
    const byManager = await managerA.reports.summaryByManager({});
    const byType = await managerA.reports.summaryByBusinessType({});

    expect(summary.rows).toEqual([]);
    expect(byManager.rows.map((row) => row.accountManagerId)).toEqual([IDS.managerA]);
    expect(byType.totals.contracted).toBe(contractFields.totalAmount);
  });

  it("sees a dashboard of their own clients only", async () => {
    const mine = await managerA.reports.dashboard({});
    const all = await ctx.caller.reports.dashboard({});

    expect(mine.outstanding).toBe(70000);
    expect(all.outstanding).toBe(140000);
    expect(mine.collectedThisMonth).toBe(0);
    expect(mine.clientsOwing).toBe(1);
  });

  it("creates clients as their own", async () => {
    const { clientId } = await managerA.clients.create({ name: "甲的新客户", contactPerson: "", phone: "", address: "", accountManagerId: IDS.managerB, notes: "" });

    const client = await ctx.caller.clients.get({ clientId });

    expect(client.accountManagerId).toBe(IDS.managerA);
  });

  it("does not see contract costs", async () => {
    const contract = await managerA.contracts.get({ contractId: IDS.contractA });
    const ledger = await managerA.clients.ledger({ clientId: IDS.clientA });

    expect(contract.mediaCost).toBeNull();
    expect(contract.productionCost).toBeNull();
    expect(ledger.contracts[0]?.mediaCost).toBeNull();
  });

  it("keeps the costs of a contract they edit", async () => {
    const { contractId } = await ctx.caller.contracts.create({ ...contractFields, clientId: IDS.clientA, contractNo: "A-2", installments: [{ label: "全款", dueDate: "2027-01-01", amount: 100000 }] });

    await managerA.contracts.update({ ...contractFields, clientId: IDS.clientA, contractNo: "A-2", contractId, version: 1, mediaCost: 0, productionCost: 0, title: "改过的内容", installments: [{ label: "全款", dueDate: "2027-01-01", amount: 100000 }] });
    const stored = await ctx.caller.contracts.get({ contractId });

    expect(stored.title).toBe("改过的内容");
    expect(stored.mediaCost).toBe(contractFields.mediaCost);
    expect(stored.productionCost).toBe(contractFields.productionCost);
  });

  it("is refused everything without a linked staff member", async () => {
    const unlinked = ctx.callerAs({ id: "unlinked", name: "未关联", role: "account_manager", staffId: null });

    const error = await outcome(unlinked.clients.list({}));

    expect(error?.code).toBe("FORBIDDEN");
    expect(error?.message).toContain("关联业务员");
  });
});

describe("finance", () => {
  it("sees contract costs and every client", async () => {
    const ctx = await createTestContext(TODAY);
    await seed(ctx);
    const finance = (await ctx.signIn("finance")).caller;

    const contract = await finance.contracts.get({ contractId: IDS.contractB });
    const list = await finance.clients.list({});

    expect(contract.mediaCost).toBe(contractFields.mediaCost);
    expect(list.map((client) => client.id).sort()).toEqual([IDS.clientA, IDS.clientB]);
  }, 30_000);
});
