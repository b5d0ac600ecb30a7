import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../db";
import { clientBalancesAsOf, receivedByClient } from "../../db/queries/balances";
import type { Clock } from "../../server/clock";
import { automaticMapping, type ImportEntity } from "../../server/import/fields";
import { importFromDisk } from "../../server/import/service";
import { createClient } from "../../server/services/clients";
import { createContract } from "../../server/services/contracts";
import { recordPayment } from "../../server/services/payments";
import { type Caller, createTestContext, type TestContext } from "../support/context";

/**
 * The bulk writer of a confirmed import against the per-row services it
 * replaced. Both databases start with client credit and with allocations
 * that back-dated imported payments must replay. The reference database
 * gets the same rows through createClient, createContract and
 * recordPayment, in the order the import used to call them. Allocation
 * history, paid amounts and payments must come out identical.
 */

const TODAY = "2026-12-04";
const CLIENTS = ["甲公司", "乙公司", "丙公司", "丁公司", "戊公司"];
const LEDGER_HEADERS = ["客户名称", "合同编号", "合同金额", "已回款", "签订日期", "到期日", "回款日期"];
const PAYMENT_HEADERS = ["客户名称", "回款日期", "回款金额", "银行流水号", "合同编号"];

let directory = "";
let uploadDirectoryBefore: string | undefined;

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-import-bulk-"));
  uploadDirectoryBefore = process.env.HUIKUAN_IMPORT_DIR;
  process.env.HUIKUAN_IMPORT_DIR = path.join(directory, "uploads");
});

afterAll(() => {
  if (uploadDirectoryBefore === undefined) delete process.env.HUIKUAN_IMPORT_DIR;
  else process.env.HUIKUAN_IMPORT_DIR = uploadDirectoryBefore;
  fs.rmSync(directory, { recursive: true, force: true });
});

interface LedgerRow {
  client: string;
  contractNo: string;
  total: number;
  collected: number;
  signedOn: string;
  dueDate: string;
  paidOn: string | null;
}

interface PaymentRow {
  client: string;
  paidOn: string;
  amount: number;
  bankReference: string;
  contractNo: string;
}

function isoDay(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** Deterministic pseudo-random integers in [0, bound). */
function randomSource(seed: number) {
  let state = seed;
  return (bound: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % bound;
  };
}

function ledgerRows(): LedgerRow[] {
  const next = randomSource(7);
  const firstDay = Date.UTC(2023, 0, 1) / 86_400_000;
  const lastDay = Date.UTC(2026, 11, 4) / 86_400_000;
  const rows: LedgerRow[] = [];
  for (let index = 0; index < 150; index += 1) {
    const total = 10_000 + next(400_000);
    const signed = firstDay + next(1_300);
    const due = signed + 30 + next(90);
    let collected = total;
    if (index % 4 === 0) collected = 0;
    if (index % 4 === 1) collected = Math.floor(total / 3);
    const paidOn = index % 3 === 0 && collected > 0 ? isoDay(Math.min(signed + next(200), lastDay)) : null;
    rows.push({ client: CLIENTS[next(CLIENTS.length)]!, contractNo: `GEN-${String(index).padStart(3, "0")}`, total, collected, signedOn: isoDay(signed), dueDate: isoDay(due), paidOn });
  }
  // An existing contract of 乙公司 gets a back-dated payment for what the file shows collected.
  rows.splice(40, 0, { client: "乙公司", contractNo: "OLD-1", total: 300_000, collected: 100_000, signedOn: "2024-01-01", dueDate: "2024-03-01", paidOn: "2024-02-15" });
  return rows;
}

function paymentRows(ledger: readonly LedgerRow[]): PaymentRow[] {
  const next = randomSource(11);
  const firstDay = Date.UTC(2023, 2, 1) / 86_400_000;
  return Array.from({ length: 40 }, (_, index) => {
    const client = CLIENTS[next(CLIENTS.length)]!;
    const own = ledger.filter((row) => row.client === client);
    const named = index % 3 === 0 ? own[next(own.length)]!.contractNo : "";
    return { client, paidOn: isoDay(firstDay + next(1_300)), amount: 5_000 + next(300_000), bankReference: `BULK-${index}`, contractNo: named };
  });
}

function writeCsv(file: string, headers: readonly string[], lines: string[][]): void {
  fs.writeFileSync(file, `\uFEFF${[headers.join(","), ...lines.map((line) => line.join(","))].join("\r\n")}\r\n`);
}

/** Existing data of both databases: 甲公司 with credit, 乙公司 with payments applied after the imported dates. */
async function seed(db: Db, clock: Clock): Promise<number> {
  const type = await db.selectFrom("business_type").select("id").orderBy("sort_order").orderBy("id").executeTakeFirstOrThrow();
  const client = (name: string) => createClient(db, clock, { name, contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
  const contract = (clientId: number, contractNo: string, total: number, signedOn: string, dueDate: string) =>
    createContract(db, clock, {
      clientId,
      contractNo,
      businessTypeId: type.id,
      title: contractNo,
      signedOn,
      serviceStart: null,
      serviceEnd: null,
      totalAmount: total,
      mediaCost: 0,
      productionCost: 0,
      notes: "",
      installments: [{ label: "全款", dueDate, amount: total }],
    });
  const payment = (clientId: number, receivedOn: string, amount: number) =>
    recordPayment(db, clock, { clientId, receivedOn, amount, method: "银行转账", bankReference: "", note: "", contractId: null });

  const first = await client("甲公司");
  await payment(first.clientId, "2024-01-10", 500_000);
  const second = await client("乙公司");
  await contract(second.clientId, "OLD-1", 300_000, "2024-01-01", "2024-03-01");
  await payment(second.clientId, "2025-06-01", 450_000);
  await contract(second.clientId, "OLD-2", 200_000, "2025-01-01", "2025-09-01");
  return type.id;
}

/** Imports the rows through createClient, createContract and recordPayment, as the import did before the bulk writer. */
async function importPerRow(db: Db, clock: Clock, businessTypeId: number, ledger: readonly LedgerRow[], payments: readonly PaymentRow[]): Promise<void> {
  const clientIds = new Map<string, number>();
  for (const row of await db.selectFrom("client").select(["id", "name"]).execute()) clientIds.set(row.name, row.id);
  const clientOf = async (name: string) => {
    if (!clientIds.has(name)) {
      const { clientId } = await createClient(db, clock, { name, contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
      clientIds.set(name, clientId);
    }
    return clientIds.get(name)!;
  };
  const contractIds = new Map<string, number>();
  for (const row of await db.selectFrom("contract").select(["id", "contract_no"]).execute()) contractIds.set(row.contract_no, row.id);

  const deferred: Array<{ row: number; clientId: number; receivedOn: string; amount: number; contractId: number; note: string }> = [];
  for (const [index, row] of ledger.entries()) {
    const clientId = await clientOf(row.client);
    const receivedOn = row.paidOn ?? (row.dueDate < TODAY ? row.dueDate : TODAY);
    let contractId = contractIds.get(row.contractNo);
    let amount = row.collected;
    if (contractId !== undefined) {
      const named = await db.selectFrom("payment").select(["amount"]).where("contract_id", "=", contractId).where("reversed_at", "is", null).execute();
      amount -= named.reduce((sum, payment) => sum + payment.amount, 0);
    } else {
      contractId = (
        await createContract(db, clock, {
          clientId,
          contractNo: row.contractNo,
          businessTypeId,
          title: row.contractNo,
          signedOn: row.signedOn,
          serviceStart: null,
          serviceEnd: null,
          totalAmount: row.total,
          mediaCost: 0,
          productionCost: 0,
          notes: "",
          installments: [{ label: "全款", dueDate: row.dueDate, amount: row.total }],
        })
      ).contractId;
      contractIds.set(row.contractNo, contractId);
    }
    if (amount > 0) deferred.push({ row: index, clientId, receivedOn, amount, contractId, note: `导入：合同 ${row.contractNo} 的回款` });
  }
  deferred.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.row - b.row);
  for (const item of deferred) {
    await recordPayment(db, clock, { clientId: item.clientId, receivedOn: item.receivedOn, amount: item.amount, method: "银行转账", bankReference: "", note: item.note, contractId: item.contractId });
  }

  const ordered = payments.map((row, index) => ({ row, index })).sort((a, b) => a.row.paidOn.localeCompare(b.row.paidOn) || a.index - b.index);
  for (const { row } of ordered) {
    await recordPayment(db, clock, {
      clientId: clientIds.get(row.client)!,
      receivedOn: row.paidOn,
      amount: row.amount,
      method: "银行转账",
      bankReference: row.bankReference,
      note: "",
      contractId: row.contractNo ? contractIds.get(row.contractNo)! : null,
    });
  }
}

async function importInBulk(ctx: TestContext, file: string, entity: ImportEntity, headers: readonly string[]) {
  const spec = { entity, mapping: automaticMapping(entity, headers), dateOrder: "ymd" as const };
  return importFromDisk(ctx.db, ctx.clock, { id: null, name: "测试" }, { filePath: file, kind: "csv", spec, preset: null });
}

/** Business rows by natural keys, in id order, without timestamps. */
async function snapshot(db: Db) {
  const allocations = await db
    .selectFrom("allocation as a")
    .innerJoin("payment as p", "p.id", "a.payment_id")
    .innerJoin("installment as i", "i.id", "a.installment_id")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .select(["p.received_on", "p.amount as paymentAmount", "p.note", "p.bank_reference", "c.contract_no", "a.amount", "a.reversed_at"])
    .orderBy("a.id")
    .execute();
  const installments = await db
    .selectFrom("installment as i")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .select(["cl.name", "c.contract_no", "c.signed_on", "i.seq", "i.label", "i.due_date", "i.amount", "i.paid_amount"])
    .orderBy("i.id")
    .execute();
  const payments = await db
    .selectFrom("payment as p")
    .innerJoin("client as cl", "cl.id", "p.client_id")
    .leftJoin("contract as c", "c.id", "p.contract_id")
    .select(["cl.name", "p.received_on", "p.amount", "p.method", "p.bank_reference", "p.note", "c.contract_no", "p.reversed_at"])
    .orderBy("p.id")
    .execute();
  return {
    allocations: allocations.map((row) => ({ ...row, reversed_at: row.reversed_at !== null })),
    installments,
    payments,
  };
}

describe("bulk import writer", () => {
  let bulk: TestContext;
  let reference: TestContext;
  const ledger = ledgerRows();
  const payments = paymentRows(ledger);

  beforeAll(async () => {
    bulk = await createTestContext(TODAY);
    reference = await createTestContext(TODAY);
    const businessTypeId = await seed(bulk.db, bulk.clock);
    await seed(reference.db, reference.clock);

    const ledgerFile = path.join(directory, "ledger.csv");
    writeCsv(ledgerFile, LEDGER_HEADERS, ledger.map((row) => [row.client, row.contractNo, yuan(row.total), yuan(row.collected), row.signedOn, row.dueDate, row.paidOn ?? ""]));
    const paymentFile = path.join(directory, "payments.csv");
    writeCsv(paymentFile, PAYMENT_HEADERS, payments.map((row) => [row.client, row.paidOn, yuan(row.amount), row.bankReference, row.contractNo]));

    const ledgerResult = await importInBulk(bulk, ledgerFile, "contracts", LEDGER_HEADERS);
    expect(ledgerResult.counts.contract).toEqual({ created: 150, updated: 1, unchanged: 0 });
    await importInBulk(bulk, paymentFile, "payments", PAYMENT_HEADERS);
    await importPerRow(reference.db, reference.clock, businessTypeId, ledger, payments);
  }, 120_000);

  it("writes the same allocation history", async () => {
    const expected = await snapshot(reference.db);
    const actual = await snapshot(bulk.db);
    expect(expected.allocations.some((row) => row.reversed_at)).toBe(true);
    expect(actual.allocations).toEqual(expected.allocations);
  });

  it("writes the same installments and payments", async () => {
    const expected = await snapshot(reference.db);
    const actual = await snapshot(bulk.db);
    expect(actual.installments).toEqual(expected.installments);
    expect(actual.payments).toEqual(expected.payments);
  });

  it("keeps paid_amount equal to live allocations", async () => {
    const rows = await bulk.db
      .selectFrom("installment as i")
      .leftJoin("allocation as a", (join) => join.onRef("a.installment_id", "=", "i.id").on("a.reversed_at", "is", null))
      .select((eb) => ["i.id", "i.paid_amount", eb.fn.coalesce(eb.fn.sum<number>("a.amount"), eb.lit(0)).as("allocated")])
      .groupBy(["i.id", "i.paid_amount"])
      .execute();
    const mismatched = rows.filter((row) => Number(row.allocated) !== row.paid_amount);
    expect(mismatched).toEqual([]);
  });

  it("balances contracted minus received", async () => {
    const balances = await clientBalancesAsOf(bulk.db, TODAY);
    const received = await receivedByClient(bulk.db, { to: TODAY });
    const credit = await bulk.db
      .selectFrom("payment as p")
      .leftJoin("allocation as a", (join) => join.onRef("a.payment_id", "=", "p.id").on("a.reversed_at", "is", null))
      .select((eb) => ["p.client_id", "p.amount", eb.fn.coalesce(eb.fn.sum<number>("a.amount"), eb.lit(0)).as("applied")])
      .where("p.reversed_at", "is", null)
      .groupBy(["p.id", "p.client_id", "p.amount"])
      .execute();
    expect(balances).toHaveLength(CLIENTS.length);
    for (const balance of balances) {
      const clientCredit = credit.filter((row) => row.client_id === balance.clientId).reduce((sum, row) => sum + row.amount - Number(row.applied), 0);
      expect(balance.contracted - (received.get(balance.clientId) ?? 0), `client ${balance.clientId}`).toBe(balance.outstanding - clientCredit);
    }
  });
});

describe("import confirm job", () => {
  const mapping = { clientName: "客户名称", contractNo: "合同编号", totalAmount: "合同金额", dueDate: "到期日" };
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
  });

  async function uploadCsv(lines: string[]): Promise<string> {
    const content = Buffer.from(["客户名称,合同编号,合同金额,到期日", ...lines].join("\n") + "\n").toString("base64");
    return (await ctx.caller.imports.upload({ fileName: "后台导入.csv", content })).uploadId;
  }

  /** Polls the job until it is done or failed. */
  async function finishedJob(caller: Caller, jobId: string) {
    for (let attempt = 0; attempt < 500; attempt += 1) {
      const job = await caller.imports.confirmStatus({ jobId });
      if (job.status === "done" || job.status === "failed") return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`Import job ${jobId} did not finish`);
  }

  it("imports in the background", async () => {
    const uploadId = await uploadCsv(["后台客户,JOB-1,100,2026-11-01", "后台客户,JOB-2,200.50,2026-11-15"]);

    const { jobId, importId } = await ctx.caller.imports.startConfirm({ uploadId, entity: "contracts", mapping, defaultBusinessType: "" });
    const job = await finishedJob(ctx.caller, jobId);

    expect(job.status).toBe("done");
    expect(job.error).toBeNull();
    expect(job.done).toBe(2);
    expect(job.total).toBe(2);
    expect(job.counts?.contract).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await ctx.caller.imports.get({ importId })).rows).toBe(2);
  });

  it("rejects a second start of the same upload", async () => {
    const uploadId = await uploadCsv(["后台客户二,JOB-3,100,2026-11-01"]);

    const { jobId } = await ctx.caller.imports.startConfirm({ uploadId, entity: "contracts", mapping, defaultBusinessType: "" });
    await expect(ctx.caller.imports.startConfirm({ uploadId, entity: "contracts", mapping, defaultBusinessType: "" })).rejects.toThrow(/正在导入|已于/);
    expect((await finishedJob(ctx.caller, jobId)).status).toBe("done");
  });

  it("reports a bad row in Chinese and writes nothing", async () => {
    const contractsBefore = await ctx.db.selectFrom("contract").select("id").execute();
    const uploadId = await uploadCsv(["坏行客户,JOB-4,100,2026-11-01", "坏行客户,JOB-5,0,2026-11-01"]);

    const { jobId } = await ctx.caller.imports.startConfirm({ uploadId, entity: "contracts", mapping, defaultBusinessType: "" });
    const job = await finishedJob(ctx.caller, jobId);

    expect(job.status).toBe("failed");
    expect(job.error).toContain("第 3 行");
    expect(job.error).toContain("必须大于 0");
    expect(await ctx.db.selectFrom("contract").select("id").execute()).toHaveLength(contractsBefore.length);
  });

  it("shows a job to finance", async () => {
    const uploadId = await uploadCsv(["隐藏客户,JOB-6,100,2026-11-01"]);
    const { jobId } = await ctx.caller.imports.startConfirm({ uploadId, entity: "contracts", mapping, defaultBusinessType: "" });
    await finishedJob(ctx.caller, jobId);
    const finance = await ctx.signIn("finance");

    expect((await finance.caller.imports.confirmStatus({ jobId })).status).toBe("done");
  });
});
