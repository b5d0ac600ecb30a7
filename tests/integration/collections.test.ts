import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import type { Db } from "../../db";
import { notDisputedOn, openDisputedInstallmentIds } from "../../db/queries/disputes";
import { type Caller, createTestContext, type TestContext } from "../support/context";

const TODAY = "2026-12-04";

const company = {
  name: "星海广告有限公司",
  address: "上海市",
  phone: "021-1234567",
  bankName: "中国工商银行上海分行",
  bankAccountName: "星海广告有限公司",
  bankAccountNumber: "6222 0000 1111 2222",
  signatory: "张总",
};

const contractFields = {
  businessTypeId: 1,
  title: "户外大牌",
  signedOn: "2026-09-01",
  serviceStart: null,
  serviceEnd: null,
  mediaCost: 0,
  productionCost: 0,
  notes: "",
};

const contact = {
  contractId: null,
  contactedAt: "2026-12-04T10:00",
  channel: "电话" as const,
  person: "李会计",
  staffId: null,
  outcome: "",
  reasonId: null,
  nextFollowUpOn: null,
  promise: null,
};

interface Fixture {
  ctx: TestContext;
  managerA: number;
  managerB: number;
  clientA: number;
  clientB: number;
  /** Client A's contract: 首期 100000 due 2026-10-01, 尾款 50000 due 2026-11-20. */
  contractA: number;
  firstInstallment: number;
  secondInstallment: number;
}

async function fixture(): Promise<Fixture> {
  const ctx = await createTestContext(TODAY);
  const { caller } = ctx;
  const a = await caller.settings.addStaff({ name: "业务员甲", phone: "" });
  const b = await caller.settings.addStaff({ name: "业务员乙", phone: "" });
  const clientA = await caller.clients.create({ name: "甲客户", contactPerson: "", phone: "", address: "", accountManagerId: a.staffId, notes: "" });
  const clientB = await caller.clients.create({ name: "乙客户", contactPerson: "", phone: "", address: "", accountManagerId: b.staffId, notes: "" });
  const contract = await caller.contracts.create({
    ...contractFields,
    clientId: clientA.clientId,
    contractNo: "A-1",
    totalAmount: 150000,
    installments: [
      { label: "首期", dueDate: "2026-10-01", amount: 100000 },
      { label: "尾款", dueDate: "2026-11-20", amount: 50000 },
    ],
  });
  await caller.settings.saveCompany(company);
  const installments = await ctx.db
    .selectFrom("installment")
    .select("id")
    .where("contract_id", "=", contract.contractId)
    .orderBy("seq")
    .execute();
  return {
    ctx,
    managerA: a.staffId,
    managerB: b.staffId,
    clientA: clientA.clientId,
    clientB: clientB.clientId,
    contractA: contract.contractId,
    firstInstallment: installments[0]!.id,
    secondInstallment: installments[1]!.id,
  };
}

/** Records a payment on `receivedOn` with the clock moved there, then back to TODAY. */
async function pay(ctx: TestContext, clientId: number, receivedOn: string, amount: number): Promise<number> {
  ctx.setToday(receivedOn);
  const { paymentId } = await ctx.caller.payments.record({
    clientId,
    receivedOn,
    amount,
    method: "银行转账",
    bankReference: "",
    note: "",
    contractId: null,
  });
  ctx.setToday(TODAY);
  return paymentId;
}

/** Records a promise made on `madeOn` (the clock's date then). */
async function promise(ctx: TestContext, clientId: number, madeOn: string, amount: number, promisedOn: string) {
  ctx.setToday(madeOn);
  const result = await ctx.caller.collections.recordPromise({ clientId, contractId: null, amount, promisedOn, note: "" });
  ctx.setToday(TODAY);
  return result.promiseId;
}

async function statusOn(caller: Caller, clientId: number, promiseId: number, asOf: string) {
  const overview = await caller.collections.forClient({ clientId, asOf });
  return overview.promises.find((row) => row.id === promiseId)?.status;
}

async function rejection(promised: Promise<unknown>): Promise<TRPCError> {
  try {
    await promised;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("Expected the call to be rejected");
}

async function count(db: Db, table: "collection_contact" | "payment_promise" | "installment_dispute"): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("promise status", () => {
  it("is kept by a payment before its date", async () => {
    const { ctx, clientA } = await fixture();
    const promiseId = await promise(ctx, clientA, "2026-11-01", 30000, "2026-11-10");
    await pay(ctx, clientA, "2026-11-05", 30000);

    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-12")).toBe("kept");
    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-05")).toBe("kept");
  });

  it("is open before its date", async () => {
    const { ctx, clientA } = await fixture();
    const promiseId = await promise(ctx, clientA, "2026-11-01", 30000, "2026-11-10");
    await pay(ctx, clientA, "2026-11-05", 30000);

    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-04")).toBe("open");
    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-01")).toBe("open");
  });

  it("is absent before it was made", async () => {
    const { ctx, clientA } = await fixture();
    const promiseId = await promise(ctx, clientA, "2026-11-01", 30000, "2026-11-10");

    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-10-31")).toBeUndefined();
  });

  it("is broken after its date without payment", async () => {
    const { ctx, clientA } = await fixture();
    const promiseId = await promise(ctx, clientA, "2026-11-01", 10000, "2026-11-10");

    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-10")).toBe("open");
    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-11")).toBe("broken");
  });

  it("is broken when the keeping payment is reversed", async () => {
    const { ctx, clientA } = await fixture();
    const promiseId = await promise(ctx, clientA, "2026-11-01", 30000, "2026-11-10");
    const paymentId = await pay(ctx, clientA, "2026-11-05", 30000);
    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-12")).toBe("kept");

    await ctx.caller.payments.reverse({ paymentId, reason: "银行退票" });

    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-12")).toBe("broken");
  });

  it("adds up partial payments", async () => {
    const { ctx, clientA } = await fixture();
    const promiseId = await promise(ctx, clientA, "2026-11-01", 30000, "2026-11-10");
    await pay(ctx, clientA, "2026-11-03", 20000);
    await pay(ctx, clientA, "2026-11-09", 10000);

    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-05")).toBe("open");
    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-09")).toBe("kept");
  });

  it("ignores payments outside its period", async () => {
    const { ctx, clientA } = await fixture();
    await pay(ctx, clientA, "2026-10-30", 30000);
    const promiseId = await promise(ctx, clientA, "2026-11-01", 30000, "2026-11-10");
    await pay(ctx, clientA, "2026-11-11", 30000);

    expect(await statusOn(ctx.caller, clientA, promiseId, "2026-11-20")).toBe("broken");
  });

  it("counts a promise made in a contact from the contact's date", async () => {
    const { ctx, clientA } = await fixture();
    const { promiseId } = await ctx.caller.collections.logContact({
      ...contact,
      clientId: clientA,
      contactedAt: "2026-11-01T09:00",
      promise: { amount: 30000, promisedOn: "2026-11-10" },
    });
    await pay(ctx, clientA, "2026-11-02", 30000);

    expect(await statusOn(ctx.caller, clientA, promiseId!, "2026-12-04")).toBe("kept");
  });
});

describe("disputes", () => {
  it("leave letters but stay in balances", async () => {
    const { ctx, clientA, firstInstallment } = await fixture();
    const before = await ctx.caller.reports.collectionLetter({ clientId: clientA, asOf: TODAY });
    expect(before.totalOverdue).toBe(150000);

    await ctx.caller.collections.openDispute({ installmentId: firstInstallment, reason: "画面色差" });

    const letter = await ctx.caller.reports.collectionLetter({ clientId: clientA, asOf: TODAY });
    const ledger = await ctx.caller.clients.ledger({ clientId: clientA, asOf: TODAY });
    expect(letter.totalOverdue).toBe(50000);
    expect(letter.totalOutstanding).toBe(50000);
    expect(letter.contracts[0]!.earliestDueDate).toBe("2026-11-20");
    expect(ledger.totals.overdue).toBe(150000);
    expect(ledger.totals.outstanding).toBe(150000);
  });

  it("count again in letters once resolved", async () => {
    const { ctx, clientA, firstInstallment } = await fixture();
    const { disputeId } = await ctx.caller.collections.openDispute({ installmentId: firstInstallment, reason: "画面色差" });

    await ctx.caller.collections.resolveDispute({ disputeId, note: "客户确认按原价付款" });

    const letter = await ctx.caller.reports.collectionLetter({ clientId: clientA, asOf: TODAY });
    expect(letter.totalOverdue).toBe(150000);
    const overview = await ctx.caller.collections.forClient({ clientId: clientA });
    expect(overview.disputes[0]!.resolutionNote).toBe("客户确认按原价付款");
    expect(overview.disputes[0]!.openOnAsOf).toBe(false);
  });

  it("leave a letter with nothing else overdue impossible", async () => {
    const { ctx, clientA, firstInstallment, secondInstallment } = await fixture();
    await ctx.caller.collections.openDispute({ installmentId: firstInstallment, reason: "画面色差" });
    await ctx.caller.collections.openDispute({ installmentId: secondInstallment, reason: "点位偏移" });

    const error = await rejection(ctx.caller.reports.collectionLetter({ clientId: clientA, asOf: TODAY }));

    expect(error.message).toContain("没有逾期未付的款项");
  });

  it("are open only between opening and resolution", async () => {
    const { ctx, clientA, firstInstallment, secondInstallment } = await fixture();
    ctx.setToday("2026-11-10");
    const { disputeId } = await ctx.caller.collections.openDispute({ installmentId: firstInstallment, reason: "画面色差" });
    ctx.setToday("2026-11-20");
    await ctx.caller.collections.resolveDispute({ disputeId, note: "已协商" });
    const undisputedOn = async (asOf: string) =>
      (
        await ctx.db
          .selectFrom("installment as i")
          .select("i.id")
          .where((eb) => notDisputedOn(eb, "i.id", asOf))
          .orderBy("i.id")
          .execute()
      ).map((row) => row.id);

    expect([...(await openDisputedInstallmentIds(ctx.db, "2026-11-09", { clientId: clientA }))]).toEqual([]);
    expect([...(await openDisputedInstallmentIds(ctx.db, "2026-11-19", { clientId: clientA }))]).toEqual([firstInstallment]);
    expect([...(await openDisputedInstallmentIds(ctx.db, "2026-11-20"))]).toEqual([]);
    expect(await undisputedOn("2026-11-15")).toEqual([secondInstallment]);
    expect(await undisputedOn("2026-11-25")).toEqual([firstInstallment, secondInstallment]);
  });

  it("block editing the plan", async () => {
    const { ctx, clientA, contractA, secondInstallment } = await fixture();
    await ctx.caller.collections.openDispute({ installmentId: secondInstallment, reason: "点位偏移" });

    const error = await rejection(
      ctx.caller.contracts.update({
        ...contractFields,
        clientId: clientA,
        contractId: contractA,
        version: 1,
        contractNo: "A-1",
        totalAmount: 150000,
        installments: [{ label: "全款", dueDate: "2026-12-31", amount: 150000 }],
      }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("第 2 期有争议记录");
    const plan = await ctx.db.selectFrom("installment").select("due_date").where("contract_id", "=", contractA).execute();
    expect(plan.map((row) => row.due_date)).toEqual(["2026-10-01", "2026-11-20"]);
  });

  it("reject a second open dispute on one installment", async () => {
    const { ctx, firstInstallment } = await fixture();
    await ctx.caller.collections.openDispute({ installmentId: firstInstallment, reason: "画面色差" });

    const error = await rejection(ctx.caller.collections.openDispute({ installmentId: firstInstallment, reason: "再次" }));

    expect(error.code).toBe("CONFLICT");
    expect(await count(ctx.db, "installment_dispute")).toBe(1);
  });
});

describe("worklist", () => {
  /**
   * Three clients on 2026-12-04, with N = 14 days:
   * X owes 100000 fen due 2026-11-24 (10 days, newly overdue): 1000 × 10 = 10000;
   * Y owes 50000 fen due 2026-11-04 (30 days) and broke a promise: 500 × 30 × 2 = 30000;
   * Z owes 20000 fen due 2026-08-16 (110 days, grade D) with a follow-up due: 200 × 110 × 1.5 = 33000.
   */
  async function ranked() {
    const ctx = await createTestContext(TODAY);
    const { caller } = ctx;
    const ids: Record<string, number> = {};
    const plans = {
      X: { signedOn: "2026-11-01", dueDate: "2026-11-24", amount: 100000 },
      Y: { signedOn: "2026-10-01", dueDate: "2026-11-04", amount: 50000 },
      Z: { signedOn: "2026-08-01", dueDate: "2026-08-16", amount: 20000 },
    };
    for (const [key, plan] of Object.entries(plans)) {
      const { clientId } = await caller.clients.create({ name: `客户${key}`, contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
      ids[key] = clientId;
      await caller.contracts.create({
        ...contractFields,
        clientId,
        contractNo: `W-${key}`,
        signedOn: plan.signedOn,
        totalAmount: plan.amount,
        installments: [{ label: "全款", dueDate: plan.dueDate, amount: plan.amount }],
      });
    }
    await promise(ctx, ids.Y!, "2026-11-10", 10000, "2026-11-20");
    await caller.collections.logContact({ ...contact, clientId: ids.Z!, contactedAt: "2026-11-29T15:00", nextFollowUpOn: "2026-12-03" });
    return { ctx, ids };
  }

  it("ranks by the stated priority", async () => {
    const { ctx, ids } = await ranked();

    const list = await ctx.caller.collections.worklist({ asOf: TODAY, days: 14 });

    expect(list.clients.map((row) => row.clientId)).toEqual([ids.Z, ids.Y, ids.X]);
    expect(list.clients.map((row) => row.priority)).toEqual([33000, 30000, 10000]);
  });

  it("marks why each client is listed", async () => {
    const { ctx, ids } = await ranked();

    const list = await ctx.caller.collections.worklist({ asOf: TODAY, days: 14 });
    const byId = new Map(list.clients.map((row) => [row.clientId, row]));

    expect(byId.get(ids.Z!)?.grade).toBe("D");
    expect(byId.get(ids.Z!)?.followUpOn).toBe("2026-12-03");
    expect(byId.get(ids.Y!)?.brokenPromises).toBe(1);
    expect(byId.get(ids.Y!)?.brokenShortfall).toBe(10000);
    expect(byId.get(ids.X!)?.newlyOverdue).toBe(1);
    expect(list.newlyOverdue.map((row) => row.clientId)).toEqual([ids.X]);
  });

  it("drops a followed-up broken promise", async () => {
    const { ctx, ids } = await ranked();
    await ctx.caller.collections.logContact({ ...contact, clientId: ids.Y!, contactedAt: "2026-12-01T09:00" });

    const list = await ctx.caller.collections.worklist({ asOf: TODAY, days: 14 });

    expect(list.clients.find((row) => row.clientId === ids.Y)).toBeUndefined();
  });

  it("shows a promise open before its date", async () => {
    const { ctx, ids } = await ranked();

    const list = await ctx.caller.collections.worklist({ asOf: "2026-11-20", days: 14 });

    expect(list.clients.find((row) => row.clientId === ids.Y)?.brokenPromises ?? 0).toBe(0);
  });

  it("lists only an account manager's own clients", async () => {
    const { ctx, clientA, clientB, managerA } = await fixture();
    await ctx.caller.collections.logContact({ ...contact, clientId: clientA, nextFollowUpOn: TODAY });
    await ctx.caller.collections.logContact({ ...contact, clientId: clientB, nextFollowUpOn: TODAY });
    const manager = await ctx.signIn("account_manager", { staffId: managerA });

    const mine = await manager.caller.collections.worklist({ asOf: TODAY });
    const all = await ctx.caller.collections.worklist({ asOf: TODAY });

    expect(mine.clients.map((row) => row.clientId)).toEqual([clientA]);
    expect(all.clients.map((row) => row.clientId).sort()).toEqual([clientA, clientB].sort());
  });
});

describe("contact log", () => {
  it("rejects another manager's client as not found", async () => {
    const { ctx, clientB, managerA } = await fixture();
    const manager = await ctx.signIn("account_manager", { staffId: managerA });

    const error = await rejection(manager.caller.collections.logContact({ ...contact, clientId: clientB }));

    expect(error.code).toBe("NOT_FOUND");
    expect(await count(ctx.db, "collection_contact")).toBe(0);
  });

  it.each([
    ["bad channel", { channel: "飞鸽传书" }, "联系方式"],
    ["empty person", { person: "  " }, "联系对象"],
    ["follow-up before contact", { nextFollowUpOn: "2026-12-03" }, "下次跟进日期"],
    ["negative promise amount", { promise: { amount: -100, promisedOn: "2026-12-10" } }, "承诺金额"],
    ["contact time 2026-02-30", { contactedAt: "2026-02-30T10:00" }, "联系时间"],
    ["contact tomorrow", { contactedAt: "2026-12-05T10:00" }, "联系时间"],
    ["promise before contact", { promise: { amount: 100, promisedOn: "2026-12-01" } }, "承诺付款日期"],
  ])("rejects %s, writing nothing", async (_case, change, field) => {
    const { ctx, clientA } = await fixture();

    const error = await rejection(ctx.caller.collections.logContact({ ...contact, clientId: clientA, ...change } as never));

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(field);
    expect(await count(ctx.db, "collection_contact")).toBe(0);
    expect(await count(ctx.db, "payment_promise")).toBe(0);
  });

  it("lets the author edit on the same day only", async () => {
    const { ctx, clientA } = await fixture();
    const author = await ctx.signIn("finance");
    const { contactId } = await author.caller.collections.logContact({ ...contact, clientId: clientA });
    const edit = { ...contact, contactId, outcome: "改正：对方答应下周付" };
    delete (edit as { promise?: unknown }).promise;

    await author.caller.collections.updateContact(edit);
    const other = await rejection(ctx.caller.collections.updateContact(edit));
    ctx.setToday("2026-12-05");
    const nextDay = await rejection(author.caller.collections.updateContact(edit));

    expect(other.code).toBe("FORBIDDEN");
    expect(nextDay.code).toBe("FORBIDDEN");
    const [row] = await author.caller.collections.listContacts({ clientId: clientA });
    expect(row!.outcome).toBe("改正：对方答应下周付");
  });

  it("voids a contact with its promise and keeps both", async () => {
    const { ctx, clientA } = await fixture();
    const { contactId } = await ctx.caller.collections.logContact({
      ...contact,
      clientId: clientA,
      promise: { amount: 100, promisedOn: "2026-12-10" },
    });

    await ctx.caller.collections.voidContact({ contactId, reason: "录错客户" });

    const overview = await ctx.caller.collections.forClient({ clientId: clientA });
    expect(overview.contacts[0]!.voidReason).toBe("录错客户");
    expect(overview.promises[0]!.status).toBeNull();
    expect(await ctx.caller.collections.listContacts({ clientId: clientA })).toEqual([]);
  });

  it("filters contacts across clients", async () => {
    const { ctx, clientA, clientB, managerA } = await fixture();
    await ctx.caller.collections.logContact({ ...contact, clientId: clientA, staffId: managerA, contactedAt: "2026-11-02T09:00" });
    await ctx.caller.collections.logContact({ ...contact, clientId: clientB, channel: "上门拜访", contactedAt: "2026-11-30T23:59" });

    const visits = await ctx.caller.collections.listContacts({ channel: "上门拜访" });
    const november = await ctx.caller.collections.listContacts({ from: "2026-11-01", to: "2026-11-30" });
    const byStaff = await ctx.caller.collections.listContacts({ staffId: managerA });

    expect(visits.map((row) => row.clientId)).toEqual([clientB]);
    expect(november).toHaveLength(2);
    expect(byStaff.map((row) => row.clientId)).toEqual([clientA]);
  });
});

describe("reasons", () => {
  it("renames and deactivates a used reason", async () => {
    const { ctx, clientA } = await fixture();
    const reasons = await ctx.caller.collections.reasons();
    const money = reasons.find((reason) => reason.name === "资金紧张")!;
    await ctx.caller.collections.logContact({ ...contact, clientId: clientA, reasonId: money.id });

    await ctx.caller.collections.updateReason({ reasonId: money.id, name: "资金周转困难", active: false });

    const after = (await ctx.caller.collections.reasons()).find((reason) => reason.id === money.id)!;
    expect(after).toMatchObject({ name: "资金周转困难", active: false, usedBy: 1 });
    const [row] = await ctx.caller.collections.listContacts({ clientId: clientA });
    expect(row!.reasonName).toBe("资金周转困难");
  });

  it("rejects a duplicate name", async () => {
    const { ctx } = await fixture();

    const error = await rejection(ctx.caller.collections.addReason({ name: "恶意拖欠" }));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("恶意拖欠");
  });
});
