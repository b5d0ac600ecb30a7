import { describe, expect, it } from "vitest";

import { createTestContext } from "../support/context";

describe("receivables smoke", () => {
  it("records a partial payment and lists the client as overdue", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const { clientId } = await caller.clients.create({ name: "测试客户", contactPerson: "张三", phone: "13800000000", address: "", accountManagerId: null, notes: "" });
    await caller.contracts.create({
      clientId, contractNo: "HT-1", businessTypeId: 1, title: "户外大牌", signedOn: "2026-10-01",
      serviceStart: null, serviceEnd: null, totalAmount: 100000, mediaCost: 0, productionCost: 0, notes: "",
      installments: [
        { label: "签约款", dueDate: "2026-10-01", amount: 30000 },
        { label: "上刊款", dueDate: "2026-11-01", amount: 40000 },
        { label: "结案款", dueDate: "2026-12-20", amount: 30000 },
      ],
    });
    await caller.payments.record({ clientId, receivedOn: "2026-10-05", amount: 50000, method: "银行转账", bankReference: "", note: "", contractId: null });
    const list = await caller.reports.reminders({});
    expect(list.clients[0]?.outstanding).toBe(50000);
    expect(list.clients[0]?.overdue).toBe(20000);
    expect(list.clients[0]?.daysOverdue).toBe(33);
    const dash = await caller.reports.dashboard({});
    expect(dash.aging.reduce((s, b) => s + b.amount, 0)).toBe(50000);
    await expect(caller.contracts.create({
      clientId, contractNo: "HT-1", businessTypeId: 1, title: "x", signedOn: "2026-02-30",
      serviceStart: null, serviceEnd: null, totalAmount: 1, mediaCost: 0, productionCost: 0, notes: "", installments: [{ label: "", dueDate: "2026-03-01", amount: 1 }],
    })).rejects.toThrow(/签订日期 "2026-02-30" 不是有效日期/);
  });
});
