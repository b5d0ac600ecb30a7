import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../db";
import { appRouter } from "../../server/root";
import { type Caller, type TestContext, createTestContext } from "../support/context";

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

describe("audit trail", () => {
  let ctx: TestContext;
  let admin: Caller;
  let adminId = "";
  let targetUserId = "";
  const ids = { clientId: 0, contractId: 0, editableContractId: 0, paymentId: 0, costId: 0 };

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
