import { describe, expect, it } from "vitest";

import { ageAmounts } from "../../server/domain/aging";
import { addDays } from "../../server/domain/dates";
import { type TestContext, createTestContext } from "../support/context";

type Caller = TestContext["caller"];

const TODAY = "2026-12-04";
const OUTDOOR = 1;
const DESIGN = 4;

async function addStaff(caller: Caller, name: string): Promise<number> {
  const { staffId } = await caller.settings.addStaff({ name, phone: "" });
  return staffId;
}

async function addClient(
  caller: Caller,
  name: string,
  accountManagerId: number | null = null,
): Promise<number> {
  const { clientId } = await caller.clients.create({
    name,
    contactPerson: "",
    phone: "",
    address: "",
    accountManagerId,
    notes: "",
  });
  return clientId;
}

/** Adds a contract whose total is the sum of the `[dueDate, amount]` plan. */
async function addContract(
  caller: Caller,
  clientId: number,
  contractNo: string,
  signedOn: string,
  plan: readonly [string, number][],
  businessTypeId = OUTDOOR,
) {
  return caller.contracts.create({
    clientId,
    contractNo,
    businessTypeId,
    title: "广告投放",
    signedOn,
    notes: "",
    totalAmount: plan.reduce((sum, [, amount]) => sum + amount, 0),
    installments: plan.map(([dueDate, amount], index) => ({
      label: `第${index + 1}期`,
      dueDate,
      amount,
    })),
  });
}

function pay(
  caller: Caller,
  clientId: number,
  receivedOn: string,
  amount: number,
  contractId: number | null = null,
) {
  return caller.payments.record({
    clientId,
    receivedOn,
    amount,
    method: "银行转账",
    bankReference: "",
    note: "",
    contractId,
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Four clients whose history covers the hard cases: payments spread over
 * several contracts, a payment before signing, an overpayment later used up,
 * a reversed payment and a client with credit only.
 */
async function agency() {
  const ctx = await createTestContext(TODAY);
  const { caller } = ctx;
  const wang = await addStaff(caller, "王经理");
  const li = await addStaff(caller, "李经理");

  const mall = await addClient(caller, "万象城", wang);
  await addContract(caller, mall, "A-1", "2026-01-10", [
    ["2026-01-10", 60000],
    ["2026-03-01", 80000],
    ["2026-06-30", 60000],
  ]);
  const mallDesign = await addContract(
    caller,
    mall,
    "A-2",
    "2026-07-01",
    [["2026-07-15", 50000]],
    DESIGN,
  );
  await pay(caller, mall, "2026-02-01", 60000);
  await pay(caller, mall, "2026-05-01", 100000);
  await pay(caller, mall, "2026-11-01", 30000, mallDesign.contractId);

  const bank = await addClient(caller, "招商银行", li);
  await pay(caller, bank, "2026-01-15", 20000);
  await addContract(caller, bank, "B-1", "2026-02-01", [["2026-02-01", 100000]], 2);
  await pay(caller, bank, "2026-03-01", 120000);
  await addContract(caller, bank, "B-2", "2026-09-01", [["2026-09-30", 30000]]);

  const brewery = await addClient(caller, "青岛啤酒");
  await addContract(caller, brewery, "C-1", "2025-10-01", [["2025-10-01", 40000]]);
  const mistaken = await pay(caller, brewery, "2025-12-01", 10000);
  await caller.payments.reverse({ paymentId: mistaken.paymentId, reason: "重复录入" });
  await pay(caller, brewery, "2026-08-01", 5000);

  const prepaid = await addClient(caller, "预付客户");
  await pay(caller, prepaid, "2026-04-01", 7000);

  return { ...ctx, wang, li, mall, bank, brewery, prepaid };
}

const AS_OF_DATES = [
  "2025-11-01",
  "2026-01-20",
  "2026-02-15",
  "2026-04-30",
  "2026-07-10",
  "2026-09-15",
  TODAY,
  "2027-06-01",
];

describe("balance identities", () => {
  it("contracted − received = outstanding − credit per client", async () => {
    const { caller } = await agency();

    for (const asOf of AS_OF_DATES) {
      const summary = await caller.reports.summary({ asOf });
      for (const row of summary.rows) {
        expect(row.contracted - row.received, `${row.client.name} on ${asOf}`).toBe(
          row.outstanding - row.credit,
        );
      }
      const { totals } = summary;
      expect(totals.contracted - totals.received, `totals on ${asOf}`).toBe(
        totals.outstanding - totals.credit,
      );
    }
  });

  it("never shows negative outstanding or credit", async () => {
    const { caller } = await agency();

    for (const asOf of AS_OF_DATES) {
      const summary = await caller.reports.summary({ asOf });
      for (const row of summary.rows) {
        expect(row.outstanding, `${row.client.name} on ${asOf}`).toBeGreaterThanOrEqual(0);
        expect(row.credit, `${row.client.name} on ${asOf}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("matches the ledger totals per client", async () => {
    const { caller } = await agency();

    for (const asOf of AS_OF_DATES) {
      const summary = await caller.reports.summary({ asOf });
      for (const row of summary.rows) {
        const ledger = await caller.clients.ledger({ clientId: row.client.id, asOf });
        const label = `${row.client.name} on ${asOf}`;
        expect(ledger.totals.contracted, label).toBe(row.contracted);
        expect(ledger.totals.received, label).toBe(row.received);
        expect(ledger.totals.outstanding, label).toBe(row.outstanding);
        expect(ledger.totals.overdue, label).toBe(row.overdue);
        expect(ledger.totals.credit, label).toBe(row.credit);
      }
    }
  });

  it("sums the dashboard aging to the outstanding total", async () => {
    const { caller } = await agency();

    for (const asOf of AS_OF_DATES) {
      const dashboard = await caller.reports.dashboard({ asOf });
      const summary = await caller.reports.summary({ asOf });
      const aged = sum(dashboard.aging.map((bucket) => bucket.amount));
      expect(aged, `aging on ${asOf}`).toBe(dashboard.outstanding);
      expect(dashboard.outstanding, `dashboard on ${asOf}`).toBe(summary.totals.outstanding);
      expect(dashboard.overdue, `overdue on ${asOf}`).toBe(summary.totals.overdue);
    }
  });

  it("states the expected figures on one date", async () => {
    const { caller, mall, bank, brewery, prepaid } = await agency();

    const summary = await caller.reports.summary({ asOf: TODAY });
    const byClient = new Map(summary.rows.map((row) => [row.client.id, row]));

    expect(byClient.get(mall)?.outstanding).toBe(60000);
    expect(byClient.get(mall)?.credit).toBe(0);
    expect(byClient.get(bank)?.outstanding).toBe(0);
    expect(byClient.get(bank)?.credit).toBe(10000);
    expect(byClient.get(brewery)?.received).toBe(5000);
    expect(byClient.get(brewery)?.outstanding).toBe(35000);
    expect(byClient.get(prepaid)?.credit).toBe(7000);
    expect(byClient.get(prepaid)?.contracted).toBe(0);
  });
});

describe("dashboard aging", () => {
  it("puts each due date in the bucket the aging rule gives", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "账龄客户");
    const days = [-10, 0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366, 800];
    const items = days.map((day, index) => ({
      dueDate: addDays(TODAY, -day),
      outstanding: 100 * (index + 1),
    }));
    await addContract(
      caller,
      clientId,
      "AG-1",
      "2024-01-01",
      items.map((item) => [item.dueDate, item.outstanding]),
    );

    const dashboard = await caller.reports.dashboard({ asOf: TODAY });

    expect(dashboard.aging.map((bucket) => bucket.amount)).toEqual(
      ageAmounts(items, TODAY),
    );
  });
});

describe("overdue days", () => {
  async function dueTodayAndYesterday() {
    const ctx = await createTestContext(TODAY);
    const today = await addClient(ctx.caller, "今日到期");
    await addContract(ctx.caller, today, "D-0", "2026-11-01", [[TODAY, 10000]]);
    const yesterday = await addClient(ctx.caller, "昨日到期");
    await addContract(ctx.caller, yesterday, "D-1", "2026-11-01", [["2026-12-03", 20000]]);
    return { ...ctx, today, yesterday };
  }

  it("treats an installment due today as not overdue", async () => {
    const { caller, today } = await dueTodayAndYesterday();

    const reminders = await caller.reports.reminders({ asOf: TODAY });
    const row = reminders.clients.find((r) => r.client.id === today);
    const ledger = await caller.clients.ledger({ clientId: today, asOf: TODAY });

    expect(row?.outstanding).toBe(10000);
    expect(row?.overdue).toBe(0);
    expect(row?.daysOverdue).toBe(0);
    expect(ledger.contracts[0]!.installments[0]!.daysOverdue).toBe(0);
    expect(ledger.totals.overdue).toBe(0);
  });

  it("counts an installment due yesterday as one day overdue", async () => {
    const { caller, yesterday } = await dueTodayAndYesterday();

    const reminders = await caller.reports.reminders({ asOf: TODAY });
    const row = reminders.clients.find((r) => r.client.id === yesterday);
    const ledger = await caller.clients.ledger({ clientId: yesterday, asOf: TODAY });

    expect(row?.overdue).toBe(20000);
    expect(row?.daysOverdue).toBe(1);
    expect(row?.oldestOverdueDueDate).toBe("2026-12-03");
    expect(ledger.contracts[0]!.installments[0]!.daysOverdue).toBe(1);
  });

  it("ages today in current and yesterday in 1–30 days", async () => {
    const { caller } = await dueTodayAndYesterday();

    const dashboard = await caller.reports.dashboard({ asOf: TODAY });
    const amounts = new Map(dashboard.aging.map((bucket) => [bucket.key, bucket.amount]));

    expect(amounts.get("current")).toBe(10000);
    expect(amounts.get("d1_30")).toBe(20000);
  });

  it("counts an installment paid on its due date as on time", async () => {
    const { caller, yesterday } = await dueTodayAndYesterday();
    await pay(caller, yesterday, "2026-12-03", 20000);

    const reminders = await caller.reports.reminders({ asOf: "2026-12-03" });

    expect(reminders.clients.some((r) => r.client.id === yesterday)).toBe(false);
  });
});

describe("reports.reminders", () => {
  it("lists the most days overdue first", async () => {
    const { caller } = await createTestContext(TODAY);
    const clients: [string, string, number][] = [
      ["未到期大户", addDays(TODAY, 5), 999900],
      ["逾期四十天小额", addDays(TODAY, -40), 1000],
      ["逾期一百天", addDays(TODAY, -100), 500],
      ["逾期四十天大额", addDays(TODAY, -40), 3000],
    ];
    for (const [index, [name, dueDate, amount]] of clients.entries()) {
      const clientId = await addClient(caller, name);
      await addContract(caller, clientId, `R-${index}`, "2026-01-01", [[dueDate, amount]]);
    }

    const reminders = await caller.reports.reminders({ asOf: TODAY });

    expect(reminders.clients.map((row) => row.client.name)).toEqual([
      "逾期一百天",
      "逾期四十天大额",
      "逾期四十天小额",
      "未到期大户",
    ]);
    expect(reminders.clients.map((row) => row.daysOverdue)).toEqual([100, 40, 40, 0]);
  });

  it("omits clients with nothing due", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "已结清");
    await addContract(caller, clientId, "R-1", "2026-01-01", [["2026-01-01", 1000]]);
    await pay(caller, clientId, "2026-01-01", 1000);

    const reminders = await caller.reports.reminders({ asOf: TODAY });

    expect(reminders.clients).toEqual([]);
  });

  it("lists installments due within the horizon", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "近期到期");
    const { contractId } = await addContract(caller, clientId, "U-1", "2026-11-01", [
      ["2026-12-03", 100],
      ["2026-12-04", 200],
      ["2026-12-05", 300],
      ["2026-12-11", 400],
      ["2026-12-12", 500],
    ]);
    await pay(caller, clientId, "2026-12-01", 600, contractId);

    const reminders = await caller.reports.reminders({ asOf: TODAY, horizonDays: 7 });

    expect(reminders.until).toBe("2026-12-11");
    expect(reminders.upcoming.map((item) => item.dueDate)).toEqual([
      "2026-12-11",
    ]);
  });

  it("includes the as-of date and the horizon end", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "近期到期");
    await addContract(caller, clientId, "U-1", "2026-11-01", [
      ["2026-12-03", 100],
      ["2026-12-04", 200],
      ["2026-12-11", 400],
      ["2026-12-12", 500],
    ]);

    const reminders = await caller.reports.reminders({ asOf: TODAY, horizonDays: 7 });

    expect(reminders.upcoming.map((item) => item.dueDate)).toEqual([
      "2026-12-04",
      "2026-12-11",
    ]);
    expect(reminders.upcoming.map((item) => item.daysUntilDue)).toEqual([0, 7]);
    expect(reminders.upcoming.map((item) => item.outstanding)).toEqual([200, 400]);
  });

  it("filters by account manager", async () => {
    const { caller, wang, mall } = await agency();

    const reminders = await caller.reports.reminders({
      asOf: TODAY,
      horizonDays: 365,
      accountManagerId: wang,
    });

    expect(reminders.clients.map((row) => row.client.id)).toEqual([mall]);
    expect(reminders.upcoming.every((item) => item.clientId === mall)).toBe(true);
  });

  it("filters by business type", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "两类业务");
    await addContract(caller, clientId, "T-1", "2026-01-01", [["2026-02-01", 10000]]);
    await addContract(caller, clientId, "T-2", "2026-01-01", [["2026-03-01", 7000]], DESIGN);

    const design = await caller.reports.reminders({ asOf: TODAY, businessTypeId: DESIGN });
    const outdoor = await caller.reports.reminders({ asOf: TODAY, businessTypeId: OUTDOOR });

    expect(design.clients[0]?.outstanding).toBe(7000);
    expect(design.clients[0]?.oldestOverdueDueDate).toBe("2026-03-01");
    expect(outdoor.clients[0]?.outstanding).toBe(10000);
  });
});

describe("reports.reminders pages", () => {
  /** 105 clients, each with one installment overdue by a different number of days and one due within a week. */
  async function manyClients() {
    const ctx = await createTestContext(TODAY);
    for (let index = 0; index < 105; index++) {
      const clientId = await addClient(ctx.caller, `分页客户${String(index).padStart(3, "0")}`);
      await addContract(ctx.caller, clientId, `P-${index}`, "2026-01-01", [
        [addDays(TODAY, -1 - index), 1000 + index],
        [addDays(TODAY, index % 7), 500],
      ]);
    }
    return ctx;
  }

  it("pages both lists with whole totals", async () => {
    const { caller } = await manyClients();

    const whole = await caller.reports.reminders({ asOf: TODAY, horizonDays: 7 });
    const first = await caller.reports.reminders({ asOf: TODAY, horizonDays: 7, clientsPage: 1, upcomingPage: 1 });
    const second = await caller.reports.reminders({ asOf: TODAY, horizonDays: 7, clientsPage: 2, upcomingPage: 2 });

    expect(whole.clients).toHaveLength(105);
    expect(first.clients).toHaveLength(100);
    expect([...first.clients, ...second.clients]).toEqual(whole.clients);
    expect([...first.upcoming, ...second.upcoming]).toEqual(whole.upcoming);
    expect(first.clients[0]!.daysOverdue).toBe(105);
    for (const page of [first, second]) {
      expect(page.clientCount).toBe(105);
      expect(page.overdueClientCount).toBe(105);
      expect(page.upcomingCount).toBe(105);
      expect(page.upcomingTotal).toBe(105 * 500);
      expect(page.totals).toEqual(whole.totals);
      expect(page.pageSize).toBe(100);
    }
    expect(whole.upcomingTotal).toBe(whole.upcoming.reduce((sum, item) => sum + item.outstanding, 0));
    expect(whole.pageSize).toBeNull();
  });

  it("shows the last page for a page past the end", async () => {
    const { caller } = await manyClients();

    const past = await caller.reports.reminders({ asOf: TODAY, horizonDays: 7, clientsPage: 9, upcomingPage: 50 });

    expect(past.clientsPage).toBe(2);
    expect(past.upcomingPage).toBe(2);
    expect(past.clients).toHaveLength(5);
  });

  it("rejects a page number that is not a positive whole number", async () => {
    const { caller } = await createTestContext(TODAY);

    await expect(caller.reports.reminders({ asOf: TODAY, clientsPage: 0 })).rejects.toThrow(/客户列表页码 "0" 无效/);
    await expect(caller.reports.reminders({ asOf: TODAY, upcomingPage: 1.5 })).rejects.toThrow(/到期列表页码 "1.5" 无效/);
  });
});

describe("reports.summary filters", () => {
  it("filters by account manager", async () => {
    const { caller, li, bank } = await agency();

    const summary = await caller.reports.summary({ asOf: TODAY, accountManagerId: li });

    expect(summary.rows.map((row) => row.client.id)).toEqual([bank]);
    expect(summary.totals.credit).toBe(10000);
  });

  it("counts contracts and receipts within a period", async () => {
    const { caller, mall } = await agency();

    const summary = await caller.reports.summary({
      asOf: "2026-06-30",
      from: "2026-04-01",
      clientId: mall,
    });

    expect(summary.rows[0]?.contracted).toBe(0);
    expect(summary.rows[0]?.received).toBe(100000);
    expect(summary.rows[0]?.outstanding).toBe(40000);
  });

  // Receipts are summed per client whatever the business type, while the
  // contracted and outstanding figures are for the filtered type only.
  it("counts only receipts applied to the business type", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "两类业务");
    await addContract(caller, clientId, "T-1", "2026-01-01", [["2026-01-01", 100000]]);
    const design = await addContract(
      caller,
      clientId,
      "T-2",
      "2026-01-01",
      [["2026-01-01", 20000]],
      DESIGN,
    );
    await pay(caller, clientId, "2026-02-01", 20000, design.contractId);

    const summary = await caller.reports.summary({ asOf: TODAY, businessTypeId: OUTDOOR });

    expect(summary.rows[0]?.outstanding).toBe(100000);
    expect(summary.rows[0]?.received).toBe(0);
  });

  it("omits clients with no contract of the business type", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "只有预收款");
    await pay(caller, clientId, "2026-02-01", 500);

    const summary = await caller.reports.summary({ asOf: TODAY, businessTypeId: OUTDOOR });

    expect(summary.rows).toEqual([]);
  });
});

describe("clients.ledger", () => {
  // The earliest overdue date is taken from the first overdue installment in
  // plan order, which is not the earliest date when the plan is out of order.
  it("gives the earliest overdue due date of a contract", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "乱序计划");
    await addContract(caller, clientId, "L-1", "2026-01-01", [
      ["2026-06-01", 50000],
      ["2026-03-01", 50000],
    ]);

    const ledger = await caller.clients.ledger({ clientId, asOf: TODAY });

    expect(ledger.contracts[0]!.earliestOverdueDueDate).toBe("2026-03-01");
  });

  it("gives the days of the oldest overdue installment", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "乱序计划");
    await addContract(caller, clientId, "L-1", "2026-01-01", [
      ["2026-06-01", 50000],
      ["2026-03-01", 50000],
    ]);

    const ledger = await caller.clients.ledger({ clientId, asOf: TODAY });

    expect(ledger.contracts[0]!.daysOverdue).toBe(278);
  });

  it("marks contracts signed after the as-of date", async () => {
    const { caller, mall } = await agency();

    const ledger = await caller.clients.ledger({ clientId: mall, asOf: "2026-04-30" });
    const later = ledger.contracts.find((c) => c.contractNo === "A-2")!;

    expect(later.signedByAsOf).toBe(false);
    expect(later.installments).toEqual([]);
    expect(ledger.totals.contracted).toBe(200000);
  });
});
