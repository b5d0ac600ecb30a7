import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { type TestContext, createTestContext } from "../support/context";

type Caller = TestContext["caller"];

async function addClient(caller: Caller, name: string): Promise<number> {
  const { clientId } = await caller.clients.create({
    name,
    contactPerson: "",
    phone: "",
    address: "",
    notes: "",
  });
  return clientId;
}

/** Contract input of 100000 fen in a 30/40/30 plan, with `overrides` on top. */
function contractInput(clientId: number, overrides: Record<string, unknown> = {}) {
  return {
    clientId,
    contractNo: "HT-2026-001",
    businessTypeId: 1,
    title: "地铁灯箱三个月",
    signedOn: "2026-03-01",
    serviceStart: "2026-04-01",
    serviceEnd: "2026-06-30",
    totalAmount: 100000,
    mediaCost: 40000,
    productionCost: 5000,
    notes: "",
    installments: [
      { label: "签约款", dueDate: "2026-03-01", amount: 30000 },
      { label: "上刊款", dueDate: "2026-04-01", amount: 40000 },
      { label: "结案款", dueDate: "2026-06-30", amount: 30000 },
    ],
    ...overrides,
  };
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

async function countRows(ctx: TestContext, table: "contract" | "installment") {
  const row = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe("contracts.create", () => {
  it("saves the contract and its plan", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");

    const { contractId, creditApplied } = await caller.contracts.create(contractInput(clientId));

    expect(creditApplied).toBe(0);
    const contract = await caller.contracts.get({ contractId });
    expect(contract.totalAmount).toBe(100000);
    expect(contract.version).toBe(1);
    expect(contract.editable).toBe(true);
    expect(contract.installments.map((item) => item.amount)).toEqual([30000, 40000, 30000]);
    expect(contract.installments.map((item) => item.seq)).toEqual([1, 2, 3]);
  });

  it("rejects a plan not summing to the total", async () => {
    const ctx = await createTestContext("2026-12-04");
    const clientId = await addClient(ctx.caller, "金鹰商场");
    const input = contractInput(clientId, {
      installments: [
        { label: "签约款", dueDate: "2026-03-01", amount: 30000 },
        { label: "上刊款", dueDate: "2026-04-01", amount: 40000 },
      ],
    });

    const error = await rejection(ctx.caller.contracts.create(input));

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/分期金额合计/);
    expect(error.message).toMatch(/¥700\.00/);
    expect(error.message).toMatch(/¥1,000\.00/);
    expect(error.message).toMatch(/相差 ¥300\.00/);
    expect(await countRows(ctx, "contract")).toBe(0);
  });

  it("names a plan over the total with a negative difference", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    const input = contractInput(clientId, { totalAmount: 99999 });

    const error = await rejection(caller.contracts.create(input));

    expect(error.message).toMatch(/分期金额合计/);
    expect(error.message).toMatch(/相差 -¥0\.01/);
  });

  it("rejects a duplicate contract number", async () => {
    const ctx = await createTestContext("2026-12-04");
    const first = await addClient(ctx.caller, "金鹰商场");
    const second = await addClient(ctx.caller, "苏宁易购");
    await ctx.caller.contracts.create(contractInput(first));

    const error = await rejection(ctx.caller.contracts.create(contractInput(second)));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/合同编号已存在/);
    expect(await countRows(ctx, "contract")).toBe(1);
    expect(await countRows(ctx, "installment")).toBe(3);
  });

  it("rejects an unknown business type", async () => {
    const ctx = await createTestContext("2026-12-04");
    const clientId = await addClient(ctx.caller, "金鹰商场");

    const error = await rejection(
      ctx.caller.contracts.create(contractInput(clientId, { businessTypeId: 999 })),
    );

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/业务类型/);
    expect(await countRows(ctx, "contract")).toBe(0);
  });

  it("rejects an unknown client", async () => {
    const ctx = await createTestContext("2026-12-04");

    const error = await rejection(ctx.caller.contracts.create(contractInput(999)));

    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/客户/);
    expect(await countRows(ctx, "contract")).toBe(0);
  });

  it("rejects a service end before its start", async () => {
    const ctx = await createTestContext("2026-12-04");
    const clientId = await addClient(ctx.caller, "金鹰商场");
    const input = contractInput(clientId, {
      serviceStart: "2026-06-30",
      serviceEnd: "2026-04-01",
    });

    const error = await rejection(ctx.caller.contracts.create(input));

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/服务结束日期/);
    expect(error.message).toMatch(/2026-04-01/);
    expect(await countRows(ctx, "contract")).toBe(0);
  });

  it("accepts a service of one day", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    const input = contractInput(clientId, {
      serviceStart: "2026-04-01",
      serviceEnd: "2026-04-01",
    });

    const { contractId } = await caller.contracts.create(input);

    expect(contractId).toBeGreaterThan(0);
  });
});

describe("contracts.update", () => {
  it("replaces the plan before money is received", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    const { contractId } = await caller.contracts.create(contractInput(clientId));

    await caller.contracts.update({
      ...contractInput(clientId, {
        totalAmount: 120000,
        installments: [
          { label: "首期", dueDate: "2026-03-15", amount: 60000 },
          { label: "尾款", dueDate: "2026-07-15", amount: 60000 },
        ],
      }),
      contractId,
      version: 1,
    });

    const contract = await caller.contracts.get({ contractId });
    expect(contract.version).toBe(2);
    expect(contract.totalAmount).toBe(120000);
    expect(contract.installments.map((item) => item.dueDate)).toEqual([
      "2026-03-15",
      "2026-07-15",
    ]);
    expect(contract.installments.map((item) => item.amount)).toEqual([60000, 60000]);
  });

  it("rejects a stale version", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    const { contractId } = await caller.contracts.create(contractInput(clientId));
    await caller.contracts.update({
      ...contractInput(clientId, { title: "第一位编辑" }),
      contractId,
      version: 1,
    });

    const error = await rejection(
      caller.contracts.update({
        ...contractInput(clientId, { title: "第二位编辑" }),
        contractId,
        version: 1,
      }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/已被他人修改/);
    const contract = await caller.contracts.get({ contractId });
    expect(contract.title).toBe("第一位编辑");
    expect(contract.version).toBe(2);
  });

  it("rejects an edit after a payment is applied", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    const { contractId } = await caller.contracts.create(contractInput(clientId));
    await caller.payments.record({
      clientId,
      receivedOn: "2026-03-05",
      amount: 30000,
      method: "银行转账",
      bankReference: "",
      note: "",
    });

    const error = await rejection(
      caller.contracts.update({
        ...contractInput(clientId, { title: "改" }),
        contractId,
        version: 1,
      }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/已有回款核销/);
    const contract = await caller.contracts.get({ contractId });
    expect(contract.editable).toBe(false);
    expect(contract.version).toBe(1);
    expect(contract.title).toBe("地铁灯箱三个月");
  });

  it("rejects an edit after a reversed payment", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    const { contractId } = await caller.contracts.create(contractInput(clientId));
    const { paymentId } = await caller.payments.record({
      clientId,
      receivedOn: "2026-03-05",
      amount: 30000,
      method: "银行转账",
      bankReference: "",
      note: "",
    });
    await caller.payments.reverse({ paymentId, reason: "录错客户" });

    const error = await rejection(
      caller.contracts.update({ ...contractInput(clientId), contractId, version: 1 }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/已冲销/);
  });

  it("rejects a duplicate contract number", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    await caller.contracts.create(contractInput(clientId));
    const { contractId } = await caller.contracts.create(
      contractInput(clientId, { contractNo: "HT-2026-002" }),
    );

    const error = await rejection(
      caller.contracts.update({ ...contractInput(clientId), contractId, version: 1 }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/合同编号已存在/);
    expect((await caller.contracts.get({ contractId })).contractNo).toBe("HT-2026-002");
  });

  it("rejects moving the contract to another client", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    const otherId = await addClient(caller, "苏宁易购");
    const { contractId } = await caller.contracts.create(contractInput(clientId));

    const error = await rejection(
      caller.contracts.update({ ...contractInput(otherId), contractId, version: 1 }),
    );

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/其他客户/);
  });

  it("rejects an unknown contract", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");

    const error = await rejection(
      caller.contracts.update({ ...contractInput(clientId), contractId: 999, version: 1 }),
    );

    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/合同/);
  });

  it("rejects a plan not summing to the total", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "金鹰商场");
    const { contractId } = await caller.contracts.create(contractInput(clientId));

    const error = await rejection(
      caller.contracts.update({
        ...contractInput(clientId, { totalAmount: 100001 }),
        contractId,
        version: 1,
      }),
    );

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/分期金额合计/);
    expect(error.message).toMatch(/相差 ¥0\.01/);
    expect((await caller.contracts.get({ contractId })).version).toBe(1);
  });
});

describe("contract dates", () => {
  it("rejects a signing date after today", async () => {
    const ctx = await createTestContext("2026-12-04");
    const { clientId } = await ctx.caller.clients.create({ name: "未来合同客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
    const input = {
      clientId, contractNo: "FUT-1", businessTypeId: 1, title: "未签合同", signedOn: "2026-12-05",
      serviceStart: null, serviceEnd: null, totalAmount: 1000, mediaCost: 0, productionCost: 0, notes: "",
      installments: [{ label: "全款", dueDate: "2026-12-31", amount: 1000 }],
    };
    await expect(ctx.caller.contracts.create(input)).rejects.toThrow(/签订日期 2026-12-05 晚于今天/);
  });

  it("rejects an installment due before signing", async () => {
    const ctx = await createTestContext("2026-12-04");
    const { clientId } = await ctx.caller.clients.create({ name: "倒签分期客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
    const input = {
      clientId, contractNo: "EARLY-1", businessTypeId: 1, title: "分期早于签订", signedOn: "2026-06-01",
      serviceStart: null, serviceEnd: null, totalAmount: 1000, mediaCost: 0, productionCost: 0, notes: "",
      installments: [{ label: "全款", dueDate: "2020-01-01", amount: 1000 }],
    };
    await expect(ctx.caller.contracts.create(input)).rejects.toThrow(/第 1 期到期日 2020-01-01 早于签订日期 2026-06-01/);
  });
});
