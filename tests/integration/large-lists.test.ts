import { beforeAll, describe, expect, it } from "vitest";

import { type TestContext, createTestContext } from "../support/context";

/**
 * Reports over more clients than one SQL statement accepts as parameters
 * (SQLite takes at most 32,766): lists of client ids are sent in chunks.
 */

const TODAY = "2026-12-04";
const CLIENTS = 33_000;
const ROWS_PER_INSERT = 500;

let ctx: TestContext;

/** Inserts CLIENTS clients with one contract each and one installment, overdue or due tomorrow in turn. */
async function insertClients(context: TestContext): Promise<void> {
  const now = `${TODAY}T01:00:00.000Z`;
  for (let start = 0; start < CLIENTS; start += ROWS_PER_INSERT) {
    const numbers = Array.from({ length: Math.min(ROWS_PER_INSERT, CLIENTS - start) }, (_, index) => start + index);
    const clients = await context.db
      .insertInto("client")
      .values(numbers.map((number) => ({
          name: `大客户${number}`,
          contact_person: "",
          phone: "",
          address: "",
          notes: "",
          created_at: now,
          updated_at: now,
        })),)
      .returning("id")
      .execute();
    const contracts = await context.db
      .insertInto("contract")
      .values(
        clients.map((client, index) => ({
          client_id: client.id,
          contract_no: `L-${numbers[index]}`,
          business_type_id: 1,
          title: "",
          signed_on: "2026-01-05",
          total_amount: 10_000,
          media_cost: 0,
          production_cost: 0,
          notes: "",
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(["id", "client_id"])
      .execute();
    await context.db
      .insertInto("installment")
      .values(
        contracts.map((contract, index) => ({
          contract_id: contract.id,
          client_id: contract.client_id,
          seq: 1,
          label: "全款",
          due_date: numbers[index]! % 2 === 0 ? "2026-06-30" : "2026-12-05",
          amount: 10_000,
        })),
      )
      .execute();
  }
}

beforeAll(async () => {
  ctx = await createTestContext(TODAY);
  await insertClients(ctx);
}, 120_000);

describe("reports over 33,000 clients", () => {
  it("ranks every owing client on the reminder list", async () => {
    const whole = await ctx.caller.reports.reminders({ asOf: TODAY, horizonDays: 7 });

    expect(whole.clientCount).toBe(CLIENTS);
    expect(whole.clients).toHaveLength(CLIENTS);
    expect(whole.overdueClientCount).toBe(CLIENTS / 2 + (CLIENTS % 2));
    expect(whole.upcoming).toHaveLength(Math.floor(CLIENTS / 2));
    expect(whole.clients.every((row) => row.client !== undefined)).toBe(true);
  });

  it("pages the reminder list", async () => {
    const page = await ctx.caller.reports.reminders({ asOf: TODAY, horizonDays: 7, clientsPage: 2, upcomingPage: 3 });

    expect(page.clients).toHaveLength(100);
    expect(page.clients[0]!.daysOverdue).toBe(157);
    expect(page.upcoming).toHaveLength(100);
    expect(page.upcomingCount).toBe(Math.floor(CLIENTS / 2));
  });

  it("names every client of the dashboard and speed ranking", async () => {
    const dashboard = await ctx.caller.reports.dashboard({ asOf: TODAY });
    const speed = await ctx.caller.speed.ranking({ asOf: TODAY });

    expect(dashboard.clientsOwing).toBe(CLIENTS);
    expect(dashboard.outstanding).toBe(CLIENTS * 10_000);
    expect(speed.clients).toHaveLength(CLIENTS / 2 + (CLIENTS % 2));
    expect(speed.clients.every((row) => row.clientName.startsWith("大客户"))).toBe(true);
  });

  it("counts everything due soon on the dashboard", async () => {
    const dashboard = await ctx.caller.reports.dashboard({ asOf: TODAY });

    expect(dashboard.dueSoon).toHaveLength(10);
    expect(dashboard.dueSoonCount).toBe(Math.floor(CLIENTS / 2));
    expect(dashboard.dueSoonTotal).toBe(Math.floor(CLIENTS / 2) * 10_000);
    expect(dashboard.urgent).toHaveLength(10);
  });

  it("lists every client in the collection summary", async () => {
    const summary = await ctx.caller.reports.summary({ asOf: TODAY });

    expect(summary.rows).toHaveLength(CLIENTS);
    expect(summary.totals.outstanding).toBe(CLIENTS * 10_000);
  });
});
