import { sql } from "kysely";

import type { Db } from "../../db";
import type { Clock } from "../clock";
import { formatYuan } from "../domain/money";
import { AppError } from "../errors";
import { createClient, updateClient } from "../services/clients";
import { recordOperatingCost } from "../services/operating-costs";
import { PAYMENT_METHODS, type PaymentMethod } from "../services/payments";
import { type DeferredPayment, type PendingContract, writeInBulk } from "./bulk";
import type { ImportProblem, ImportSpec, RowValues, RunOptions } from "./engine";
import { RowWriteError } from "./engine";

/**
 * What importing one row does, per entity. Each handler looks records up
 * by their key: client name, contract number, bank reference, declared
 * import key or the row's own values. It counts each record as created,
 * updated or unchanged. When the run writes, clients, client updates and
 * costs go through the services row by row. Contracts and payments are
 * deferred to ./bulk.ts, which applies the same allocation rules as
 * entering them by hand.
 */

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type TallyEntity = "client" | "contract" | "payment" | "cost";
export type Tally = Partial<Record<TallyEntity, EntityCounts>>;

export interface RowHandler {
  tally: Tally;
  /** Classifies (and when writing, writes) one row; returns what it does, in Chinese, for the preview. */
  handle(row: number, values: RowValues, problems: ImportProblem[]): Promise<string[]>;
  /** Writes what the rows deferred (payments) once every row is read. */
  finish(): Promise<void>;
}

function count(tally: Tally, entity: TallyEntity, kind: keyof EntityCounts): void {
  const counts = (tally[entity] ??= { created: 0, updated: 0, unchanged: 0 });
  counts[kind] += 1;
}

const text = (values: RowValues, key: string): string => (values[key] as string | undefined) ?? "";

/** Runs a service call for a row, turning its rejection into a RowWriteError with the row number. */
async function writeRow<T>(row: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new RowWriteError(row, `第 ${row} 行: ${error.message}`);
    throw error;
  }
}

/** Ids by name of a small lookup table (staff, business types, cost categories). */
async function idsByName(db: Db, table: "staff" | "business_type" | "cost_category"): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(["id", "name"]).execute();
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** Client ids by name, looked up once per name; -1 stands for a client this run creates without writing. */
class ClientCache {
  private readonly ids = new Map<string, number | null>();

  constructor(private readonly db: Db) {}

  async find(name: string): Promise<number | null> {
    if (this.ids.has(name)) return this.ids.get(name)!;
    const row = await this.db.selectFrom("client").select("id").where("name", "=", name).executeTakeFirst();
    this.ids.set(name, row?.id ?? null);
    return row?.id ?? null;
  }

  remember(name: string, id: number): void {
    this.ids.set(name, id);
  }
}

const PENDING = -1;

interface Shared {
  db: Db;
  clock: Clock;
  write: boolean;
  importId: number | null;
  tally: Tally;
  clients: ClientCache;
  staff: Map<string, number>;
  /** Client names already counted, so a client of many rows counts once. */
  countedClients: Set<string>;
  /** Contracts to insert after every row is read, in file order. */
  contracts: PendingContract[];
  /** Payments to record after every row is read. */
  payments: DeferredPayment[];
}

/**
 * Writes the deferred contracts and payments in bulk (./bulk.ts). Payments
 * are recorded in received order, which gives the same allocations as file
 * order (recordPayment replays later payments of a back-dated one) without
 * unwinding a client's later allocations for every back-dated row.
 */
async function writeDeferred(shared: Shared): Promise<void> {
  if (!shared.write) return;
  await writeInBulk(shared.db, shared.clock.nowIso(), shared.contracts, shared.payments, shared.importId);
  shared.contracts = [];
  shared.payments = [];
}

/**
 * Finds the client of a row by name, or creates it (counted once per name)
 * with the row's account manager. Returns null and adds a problem when the
 * manager named does not exist.
 */
async function clientFor(shared: Shared, row: number, values: RowValues, problems: ImportProblem[], actions: string[]): Promise<number | null> {
  const name = text(values, "clientName");
  const existing = await shared.clients.find(name);
  if (existing !== null) {
    if (!shared.countedClients.has(name)) {
      shared.countedClients.add(name);
      count(shared.tally, "client", "unchanged");
    }
    return existing;
  }

  const manager = text(values, "manager");
  const managerId = manager ? shared.staff.get(manager) : null;
  if (managerId === undefined) {
    problems.push({ row, message: `第 ${row} 行: 业务员 "${manager}" 不存在，请先在系统设置中添加业务员，或清空该列` });
    return null;
  }
  shared.countedClients.add(name);
  count(shared.tally, "client", "created");
  actions.push(`新建客户 ${name}`);
  if (!shared.write) {
    shared.clients.remember(name, PENDING);
    return PENDING;
  }
  const { clientId } = await writeRow(row, () =>
    createClient(shared.db, shared.clock, { name, contactPerson: "", phone: "", address: "", accountManagerId: managerId, notes: "" }),
  );
  shared.clients.remember(name, clientId);
  return clientId;
}

/** Records the import key of a written row, so the next import of the file finds it. */
async function rememberKey(shared: Shared, entity: string, key: string, recordId: number): Promise<void> {
  if (!shared.write || shared.importId === null) return;
  await shared.db.insertInto("import_key").values({ entity, key, record_id: recordId, import_id: shared.importId }).execute();
}

async function knownKey(db: Db, entity: string, key: string): Promise<boolean> {
  const row = await db.selectFrom("import_key").select("record_id").where("entity", "=", entity).where("key", "=", key).executeTakeFirst();
  return row !== undefined;
}

/**
 * Builds the key a row is deduplicated on: the declared key column when mapped,
 * else the row's own values plus how often those values occurred before
 * in the file, so two identical rows stay two records.
 */
function rowKey(values: RowValues, naturalFields: readonly string[], occurrences: Map<string, number>): string {
  const declared = text(values, "importKey");
  if (declared) return `key:${declared}`;
  const natural = naturalFields.map((field) => String(values[field] ?? "")).join("|");
  const seen = (occurrences.get(natural) ?? 0) + 1;
  occurrences.set(natural, seen);
  return `row:${natural}#${seen}`;
}

/** Rejects a declared key that repeats within the file. */
function checkDeclaredKey(row: number, values: RowValues, firstRows: Map<string, number>, problems: ImportProblem[]): boolean {
  const declared = text(values, "importKey");
  if (!declared) return true;
  const first = firstRows.get(declared);
  if (first !== undefined) {
    problems.push({ row, message: `第 ${row} 行: 导入编号 "${declared}" 与第 ${first} 行重复` });
    return false;
  }
  firstRows.set(declared, row);
  return true;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

async function businessTypeResolver(shared: Shared, spec: ImportSpec) {
  const types = await idsByName(shared.db, "business_type");
  const first = await shared.db.selectFrom("business_type").select("id").orderBy("sort_order").orderBy("id").executeTakeFirst();
  const fallbackName = spec.defaultBusinessType ?? null;

  /** Id of a business type name, created when writing a preset's default type; PENDING before that. */
  return async (row: number, name: string, problems: ImportProblem[], actions: string[]): Promise<number | null> => {
    if (name) {
      const id = types.get(name);
      if (id === undefined) problems.push({ row, message: `第 ${row} 行: 业务类型 "${name}" 不存在，请先在系统设置中添加，或改为已有的业务类型` });
      return id ?? null;
    }
    if (fallbackName === null) {
      if (!first) problems.push({ row, message: `第 ${row} 行: 系统中还没有业务类型，请先在系统设置中添加` });
      return first?.id ?? null;
    }
    const known = types.get(fallbackName);
    if (known !== undefined && known !== PENDING) return known;
    if (known === undefined) actions.push(`新建业务类型 ${fallbackName}`);
    if (!shared.write) {
      types.set(fallbackName, PENDING);
      return PENDING;
    }
    const last = await shared.db.selectFrom("business_type").select((eb) => eb.fn.max<number>("sort_order").as("max")).executeTakeFirst();
    const created = await shared.db
      .insertInto("business_type")
      .values({ name: fallbackName, sort_order: Number(last?.max ?? 0) + 10 })
      .returning("id")
      .executeTakeFirstOrThrow();
    types.set(fallbackName, created.id);
    return created.id;
  };
}

/**
 * Receivables ledger rows: one contract each, with one installment due on
 * the due date, and the collected amount as one payment. The payment is
 * dated by the 回款日期 column, else by the due date, or today when the due
 * date is later. Without a collected column, a row with a 回款日期 is
 * taken as paid in full. An existing contract number is unchanged when the
 * payments naming it already add up to the collected amount, and gets a
 * payment for the difference when the file shows more collected.
 */
async function contractHandler(shared: Shared, spec: ImportSpec): Promise<RowHandler> {
  const businessTypeOf = await businessTypeResolver(shared, spec);
  const firstRows = new Map<string, number>();
  const collectedMapped = Boolean(spec.mapping.collectedAmount);
  const today = shared.clock.today();
  // Contract numbers already in the database, so a new number costs no query.
  const existingNumbers = new Set((await shared.db.selectFrom("contract").select("contract_no").execute()).map((item) => item.contract_no));

  return {
    tally: shared.tally,
    finish: () => writeDeferred(shared),
    async handle(row, values, problems) {
      const actions: string[] = [];
      const contractNo = text(values, "contractNo");
      const total = values.totalAmount as number;
      const dueDate = values.dueDate as string;
      const paidOn = (values.paidOn as string | undefined) ?? null;
      let collected = paidOn ? total : 0;
      if (collectedMapped) collected = (values.collectedAmount as number | undefined) ?? 0;
      const signedOn = (values.signedOn as string | undefined) ?? minDate(dueDate, today);
      const receivedOn = paidOn ?? minDate(dueDate, today);
      const before = problems.length;
      const problem = (message: string) => problems.push({ row, message: `第 ${row} 行: ${message}` });

      const first = firstRows.get(contractNo);
      if (first !== undefined) problem(`合同编号 "${contractNo}" 与第 ${first} 行重复`);
      else firstRows.set(contractNo, row);
      if (total <= 0) problem(`合同金额 ${formatYuan(total)} 必须大于 0`);
      if (collected < 0) problem(`已回款 ${formatYuan(collected)} 不能为负数`);
      if (collected > total) problem(`已回款 ${formatYuan(collected)} 超过合同金额 ${formatYuan(total)}`);
      if (signedOn > today) problem(`签订日期 ${signedOn} 晚于今天（${today}）`);
      if (dueDate < signedOn) problem(`到期日 ${dueDate} 早于签订日期 ${signedOn}`);
      if (collected > 0 && receivedOn > today) problem(`回款日期 ${receivedOn} 晚于今天（${today}），不能登记未来的回款`);
      if (problems.length > before) return actions;

      const existing = !existingNumbers.has(contractNo)
        ? undefined
        : await shared.db
        .selectFrom("contract as c")
        .innerJoin("client as cl", "cl.id", "c.client_id")
        .select(["c.id", "c.total_amount", "cl.name as clientName", "c.client_id"])
        .where("c.contract_no", "=", contractNo)
        .executeTakeFirst();
      if (existing) {
        return existingContract(shared, row, values, existing, collected, receivedOn, problems);
      }

      const businessTypeId = await businessTypeOf(row, text(values, "businessType"), problems, actions);
      const clientId = await clientFor(shared, row, values, problems, actions);
      if (problems.length > before || clientId === null || businessTypeId === null) return actions;

      count(shared.tally, "contract", "created");
      actions.push(`新建合同 ${contractNo}（${formatYuan(total)}，${dueDate} 到期）`);
      if (collected > 0) {
        count(shared.tally, "payment", "created");
        actions.push(`登记回款 ${formatYuan(collected)}（${receivedOn}）`);
      }
      if (!shared.write) return actions;

      const contract: PendingContract = {
        row,
        clientId,
        contractNo,
        businessTypeId,
        title: text(values, "title") || contractNo,
        signedOn,
        totalAmount: total,
        notes: text(values, "notes"),
        dueDate,
        id: null,
      };
      shared.contracts.push(contract);
      if (collected > 0) ledgerPayment(shared, row, clientId, contract, collected, receivedOn, contractNo);
      return actions;
    },
  };
}

/** Defers the payment of a ledger row, naming either a contract of this import or an existing one by id. */
function ledgerPayment(shared: Shared, row: number, clientId: number, contract: PendingContract | number, amount: number, receivedOn: string, contractNo: string) {
  const pending = typeof contract === "number" ? null : contract;
  shared.payments.push({
    row,
    key: null,
    contract: pending,
    input: { clientId, receivedOn, amount, method: "银行转账", bankReference: "", note: `导入：合同 ${contractNo} 的回款`, contractId: pending ? null : (contract as number) },
  });
}

async function existingContract(
  shared: Shared,
  row: number,
  values: RowValues,
  existing: { id: number; total_amount: number; clientName: string; client_id: number },
  collected: number,
  receivedOn: string,
  problems: ImportProblem[],
): Promise<string[]> {
  const contractNo = text(values, "contractNo");
  const clientName = text(values, "clientName");
  const total = values.totalAmount as number;

  if (existing.clientName !== clientName) {
    problems.push({ row, message: `第 ${row} 行: 合同编号 "${contractNo}" 已属于客户 ${existing.clientName}，不能导入到 ${clientName} 名下` });
    return [];
  }
  if (existing.total_amount !== total) {
    problems.push({
      row,
      message: `第 ${row} 行: 合同 ${contractNo} 已存在，系统中金额为 ${formatYuan(existing.total_amount)}，表中为 ${formatYuan(total)}；请先在合同页修改，再重新导入`,
    });
    return [];
  }

  const paid = await shared.db
    .selectFrom("payment")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount"), sql<number>`0`).as("sum"))
    .where("contract_id", "=", existing.id)
    .where("reversed_at", "is", null)
    .executeTakeFirstOrThrow();
  const recorded = Number(paid.sum);
  if (!shared.countedClients.has(clientName)) {
    shared.countedClients.add(clientName);
    count(shared.tally, "client", "unchanged");
  }

  if (collected === recorded) {
    count(shared.tally, "contract", "unchanged");
    return [`合同 ${contractNo} 已存在，无变化`];
  }
  if (collected < recorded) {
    problems.push({
      row,
      message: `第 ${row} 行: 合同 ${contractNo} 系统中已登记回款 ${formatYuan(recorded)}，多于表中的已回款 ${formatYuan(collected)}；如需更正请在回款记录中冲销`,
    });
    return [];
  }
  if (receivedOn > shared.clock.today()) {
    problems.push({ row, message: `第 ${row} 行: 回款日期 ${receivedOn} 晚于今天，不能登记未来的回款` });
    return [];
  }

  const difference = collected - recorded;
  count(shared.tally, "contract", "updated");
  count(shared.tally, "payment", "created");
  if (shared.write) ledgerPayment(shared, row, existing.client_id, existing.id, difference, receivedOn, contractNo);
  return [`合同 ${contractNo} 已存在，补登回款 ${formatYuan(difference)}（${receivedOn}）`];
}

/**
 * Payment rows. A payment is unchanged when its declared key or its bank
 * reference (for the same client) is already recorded, or, with neither,
 * when the same values were imported before. A named contract must exist
 * and belong to the client.
 */
async function paymentHandler(shared: Shared): Promise<RowHandler> {
  const firstReferences = new Map<string, number>();
  const firstKeys = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const today = shared.clock.today();

  return {
    tally: shared.tally,
    finish: () => writeDeferred(shared),
    async handle(row, values, problems) {
      const actions: string[] = [];
      const before = problems.length;
      const problem = (message: string) => problems.push({ row, message: `第 ${row} 行: ${message}` });
      const amount = values.amount as number;
      const receivedOn = values.paidOn as string;
      const bankReference = text(values, "bankReference");
      const methodText = text(values, "method");
      const method = (methodText || "银行转账") as PaymentMethod;
      const clientName = text(values, "clientName");

      if (amount <= 0) problem(`回款金额 ${formatYuan(amount)} 必须大于 0；退款或冲销请在回款记录中操作`);
      if (receivedOn > today) problem(`回款日期 ${receivedOn} 晚于今天（${today}），不能登记未来的回款`);
      if (!PAYMENT_METHODS.includes(method)) problem(`付款方式 "${methodText}" 无效，只能是 ${PAYMENT_METHODS.join("、")}`);
      if (bankReference) {
        const referenceKey = `${clientName}|${bankReference}`;
        const first = firstReferences.get(referenceKey);
        if (first !== undefined) problem(`银行流水号 "${bankReference}" 与第 ${first} 行重复`);
        else firstReferences.set(referenceKey, row);
      }
      checkDeclaredKey(row, values, firstKeys, problems);
      const key = rowKey(values, ["clientName", "paidOn", "amount", "bankReference", "contractNo", "notes"], occurrences);
      if (problems.length > before) return actions;

      const clientId = await shared.clients.find(clientName);
      if (clientId !== null && clientId !== PENDING) {
        const duplicate = bankReference
          ? await shared.db
              .selectFrom("payment")
              .select("id")
              .where("client_id", "=", clientId)
              .where("bank_reference", "=", bankReference)
              .where("reversed_at", "is", null)
              .executeTakeFirst()
          : undefined;
        if (duplicate || (await knownKey(shared.db, "payment", key))) {
          count(shared.tally, "payment", "unchanged");
          if (!shared.countedClients.has(clientName)) {
            shared.countedClients.add(clientName);
            count(shared.tally, "client", "unchanged");
          }
          return [`回款已登记过，无变化`];
        }
      }

      const contractNo = text(values, "contractNo");
      let contractId: number | null = null;
      if (contractNo) {
        const contract = await shared.db.selectFrom("contract as c").innerJoin("client as cl", "cl.id", "c.client_id").select(["c.id", "cl.name"]).where("c.contract_no", "=", contractNo).executeTakeFirst();
        if (!contract) problem(`合同编号 "${contractNo}" 不存在`);
        else if (contract.name !== clientName) problem(`合同 ${contractNo} 属于客户 ${contract.name}，不属于 ${clientName}`);
        else contractId = contract.id;
      }
      const resolvedClient = problems.length > before ? null : await clientFor(shared, row, values, problems, actions);
      if (resolvedClient === null) return actions;

      count(shared.tally, "payment", "created");
      actions.push(`登记回款 ${formatYuan(amount)}（${receivedOn}）`);
      if (!shared.write) return actions;
      shared.payments.push({
        row,
        key,
        contract: null,
        input: { clientId: resolvedClient, receivedOn, amount, method, bankReference, note: text(values, "notes"), contractId },
      });
      return actions;
    },
  };
}

/** Client rows: new names are created; existing ones updated where a non-empty cell differs. */
async function clientHandler(shared: Shared): Promise<RowHandler> {
  const firstRows = new Map<string, number>();
  const fields = [
    ["contactPerson", "contact_person"],
    ["phone", "phone"],
    ["address", "address"],
    ["notes", "notes"],
  ] as const;

  return {
    tally: shared.tally,
    finish: () => writeDeferred(shared),
    async handle(row, values, problems) {
      const name = text(values, "clientName");
      const first = firstRows.get(name);
      if (first !== undefined) {
        problems.push({ row, message: `第 ${row} 行: 客户名称 "${name}" 与第 ${first} 行重复` });
        return [];
      }
      firstRows.set(name, row);
      const manager = text(values, "manager");
      const managerId = manager ? shared.staff.get(manager) : null;
      if (managerId === undefined) {
        problems.push({ row, message: `第 ${row} 行: 业务员 "${manager}" 不存在，请先在系统设置中添加业务员，或清空该列` });
        return [];
      }

      const existing = await shared.db.selectFrom("client").selectAll().where("name", "=", name).executeTakeFirst();
      if (!existing) {
        count(shared.tally, "client", "created");
        if (shared.write) {
          const input = { name, contactPerson: text(values, "contactPerson"), phone: text(values, "phone"), address: text(values, "address"), accountManagerId: managerId, notes: text(values, "notes") };
          const { clientId } = await writeRow(row, () => createClient(shared.db, shared.clock, input));
          shared.clients.remember(name, clientId);
        }
        return [`新建客户 ${name}`];
      }

      const changed = fields.filter(([key, column]) => text(values, key) !== "" && text(values, key) !== existing[column]);
      const managerChanged = manager !== "" && managerId !== existing.account_manager_id;
      if (changed.length === 0 && !managerChanged) {
        count(shared.tally, "client", "unchanged");
        return [`客户 ${name} 已存在，无变化`];
      }
      count(shared.tally, "client", "updated");
      if (shared.write) {
        const pick = (key: (typeof fields)[number][0], column: (typeof fields)[number][1]) => text(values, key) || existing[column];
        await writeRow(row, () =>
          updateClient(shared.db, shared.clock, existing.id, existing.version, {
            name,
            contactPerson: pick("contactPerson", "contact_person"),
            phone: pick("phone", "phone"),
            address: pick("address", "address"),
            notes: pick("notes", "notes"),
            accountManagerId: managerChanged ? (managerId ?? null) : existing.account_manager_id,
          }),
        );
      }
      return [`更新客户 ${name}`];
    },
  };
}

/** Operating cost rows: the category must exist; duplicates found by declared key or the row's values. */
async function costHandler(shared: Shared): Promise<RowHandler> {
  const categories = await idsByName(shared.db, "cost_category");
  const firstKeys = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const today = shared.clock.today();

  return {
    tally: shared.tally,
    finish: () => writeDeferred(shared),
    async handle(row, values, problems) {
      const before = problems.length;
      const problem = (message: string) => problems.push({ row, message: `第 ${row} 行: ${message}` });
      const amount = values.amount as number;
      const paidOn = values.paidOn as string;
      const category = text(values, "category");
      const categoryId = categories.get(category);

      if (amount <= 0) problem(`金额 ${formatYuan(amount)} 必须大于 0；录错的成本请在运营成本页作废`);
      if (paidOn > today) problem(`付款日期 ${paidOn} 晚于今天（${today}），不能登记未来的成本`);
      if (categoryId === undefined) problem(`成本类别 "${category}" 不存在，可用的类别：${[...categories.keys()].join("、")}`);
      checkDeclaredKey(row, values, firstKeys, problems);
      const key = rowKey(values, ["paidOn", "category", "amount", "notes"], occurrences);
      if (problems.length > before) return [];

      if (await knownKey(shared.db, "cost", key)) {
        count(shared.tally, "cost", "unchanged");
        return ["成本已导入过，无变化"];
      }
      count(shared.tally, "cost", "created");
      if (shared.write) {
        const costId = await writeRow(row, () =>
          recordOperatingCost(shared.db, { paidOn, categoryId: categoryId!, amount, note: text(values, "notes") }, today, shared.clock.nowIso()),
        );
        await rememberKey(shared, "cost", key, costId);
      }
      return [`登记成本 ${category} ${formatYuan(amount)}（${paidOn}）`];
    },
  };
}

export async function rowHandlerFor(db: Db, clock: Clock, spec: ImportSpec, options: RunOptions): Promise<RowHandler> {
  if (options.write && options.importId === undefined) throw new Error("runImport needs an importId to write");
  const shared: Shared = {
    db,
    clock,
    write: options.write,
    importId: options.importId ?? null,
    tally: {},
    clients: new ClientCache(db),
    staff: await idsByName(db, "staff"),
    countedClients: new Set(),
    contracts: [],
    payments: [],
  };
  switch (spec.entity) {
    case "contracts":
      return contractHandler(shared, spec);
    case "payments":
      return paymentHandler(shared);
    case "clients":
      return clientHandler(shared);
    case "costs":
      return costHandler(shared);
  }
}
