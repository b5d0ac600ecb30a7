import type { Db } from "../../db";
import { inTransaction } from "../../db/transaction";
import type { Clock } from "../clock";
import { formatYuan } from "../domain/money";
import type { PlannedInstallment } from "../domain/plans";
import { AppError, badInput, notFound } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { applyClientCredit } from "./allocations";

export interface ContractInput {
  clientId: number;
  contractNo: string;
  businessTypeId: number;
  title: string;
  signedOn: string;
  serviceStart: string | null;
  serviceEnd: string | null;
  totalAmount: number;
  /** Null keeps the stored cost (0 for a new contract), for users who may not see costs. */
  mediaCost: number | null;
  productionCost: number | null;
  notes: string;
  installments: PlannedInstallment[];
}

/** Checks the rules zod cannot see alone: the plan sums to the total, dates in order. */
function checkContract(input: ContractInput, today: string): void {
  if (input.signedOn > today) {
    throw badInput("signedOn", `签订日期 ${input.signedOn} 晚于今天（${today}），请在合同签订后再录入`);
  }
  const early = input.installments.findIndex((item) => item.dueDate < input.signedOn);
  if (early >= 0) {
    throw badInput(
      `installments.${early}.dueDate`,
      `第 ${early + 1} 期到期日 ${input.installments[early]!.dueDate} 早于签订日期 ${input.signedOn}`,
    );
  }
  if (input.serviceStart && input.serviceEnd && input.serviceEnd < input.serviceStart) {
    throw badInput(
      "serviceEnd",
      `服务结束日期 ${input.serviceEnd} 早于开始日期 ${input.serviceStart}`,
    );
  }
  const planned = input.installments.reduce((sum, item) => sum + item.amount, 0);
  if (planned !== input.totalAmount) {
    throw badInput(
      "installments",
      `分期金额合计 ${formatYuan(planned)} 与合同金额 ${formatYuan(input.totalAmount)} 不一致，相差 ${formatYuan(input.totalAmount - planned)}`,
    );
  }
}

async function checkReferences(db: Db, input: ContractInput, scope: ClientScope): Promise<void> {
  const client = await db
    .selectFrom("client")
    .select("id")
    .where("id", "=", input.clientId)
    .$if(scope.accountManagerId !== null, (query) =>
      query.where("account_manager_id", "=", scope.accountManagerId),
    )
    .executeTakeFirst();
  if (!client) throw notFound("客户", input.clientId);

  const type = await db
    .selectFrom("business_type")
    .select("id")
    .where("id", "=", input.businessTypeId)
    .executeTakeFirst();
  if (!type) throw badInput("businessTypeId", `业务类型不存在（编号 ${input.businessTypeId}）`);
}

async function insertInstallments(
  db: Db,
  contract: { id: number; clientId: number },
  plan: readonly PlannedInstallment[],
) {
  await db
    .insertInto("installment")
    .values(
      plan.map((item, index) => ({
        contract_id: contract.id,
        client_id: contract.clientId,
        seq: index + 1,
        label: item.label,
        due_date: item.dueDate,
        amount: item.amount,
      })),
    )
    .execute();
}

/**
 * Creates a contract with its installment plan, then applies any client
 * credit to the new installments. A client outside `scope` is not found.
 */
export async function createContract(
  db: Db,
  clock: Clock,
  input: ContractInput,
  scope: ClientScope = ALL_CLIENTS,
) {
  checkContract(input, clock.today());

  return inTransaction(db, async (trx) => {
    await checkReferences(trx, input, scope);
    const now = clock.nowIso();
    const contract = await trx
      .insertInto("contract")
      .values({
        client_id: input.clientId,
        contract_no: input.contractNo,
        business_type_id: input.businessTypeId,
        title: input.title,
        signed_on: input.signedOn,
        service_start: input.serviceStart,
        service_end: input.serviceEnd,
        total_amount: input.totalAmount,
        media_cost: input.mediaCost ?? 0,
        production_cost: input.productionCost ?? 0,
        notes: input.notes,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    await insertInstallments(trx, { id: contract.id, clientId: input.clientId }, input.installments);
    const creditApplied = await applyClientCredit(trx, clock, input.clientId);
    return { contractId: contract.id, creditApplied };
  });
}

/**
 * Replaces a contract's terms and plan. Allowed only while no money is
 * applied to it, and only when `version` is the one the editor loaded, so a
 * second editor cannot silently overwrite the first. A contract of a client
 * outside `scope` is not found.
 */
export async function updateContract(
  db: Db,
  clock: Clock,
  contractId: number,
  version: number,
  input: ContractInput,
  scope: ClientScope = ALL_CLIENTS,
) {
  checkContract(input, clock.today());

  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom("contract as c")
      .innerJoin("client as cl", "cl.id", "c.client_id")
      .select(["c.id", "c.client_id", "c.version", "c.media_cost", "c.production_cost"])
      .where("c.id", "=", contractId)
      .$if(scope.accountManagerId !== null, (query) =>
        query.where("cl.account_manager_id", "=", scope.accountManagerId),
      )
      .executeTakeFirst();
    if (!existing) throw notFound("合同", contractId);
    if (existing.client_id !== input.clientId) {
      throw badInput("clientId", "合同不能改到其他客户名下");
    }
    await checkReferences(trx, input, scope);

    const applied = await trx
      .selectFrom("allocation as a")
      .innerJoin("installment as i", "i.id", "a.installment_id")
      .select("a.id")
      .where("i.contract_id", "=", contractId)
      .where("a.reversed_at", "is", null)
      .executeTakeFirst();
    if (applied) {
      throw new AppError("CONFLICT", "该合同已有回款核销，不能再修改合同金额或收款计划");
    }
    // A dispute, open or resolved, keeps its installment as history, so the plan cannot be replaced.
    const disputed = await trx
      .selectFrom("installment_dispute as d")
      .innerJoin("installment as i", "i.id", "d.installment_id")
      .select("i.seq")
      .where("i.contract_id", "=", contractId)
      .orderBy("i.seq")
      .executeTakeFirst();
    if (disputed) {
      throw new AppError("CONFLICT", `该合同第 ${disputed.seq} 期有争议记录，不能再修改合同金额或收款计划`);
    }

    const updated = await trx
      .updateTable("contract")
      .set({
        contract_no: input.contractNo,
        business_type_id: input.businessTypeId,
        title: input.title,
        signed_on: input.signedOn,
        service_start: input.serviceStart,
        service_end: input.serviceEnd,
        total_amount: input.totalAmount,
        media_cost: input.mediaCost ?? existing.media_cost,
        production_cost: input.productionCost ?? existing.production_cost,
        notes: input.notes,
        updated_at: clock.nowIso(),
        version: version + 1,
      })
      .where("id", "=", contractId)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw new AppError("CONFLICT", "该合同已被他人修改，请刷新页面后重新编辑");
    }

    // No allocation points at these rows (checked above), and reversed
    // allocations are history of the contract, so they block deletion.
    const history = await trx
      .selectFrom("allocation as a")
      .innerJoin("installment as i", "i.id", "a.installment_id")
      .select("a.id")
      .where("i.contract_id", "=", contractId)
      .executeTakeFirst();
    if (history) {
      throw new AppError("CONFLICT", "该合同有已冲销的回款记录，收款计划需保留历史，不能修改");
    }
    await trx.deleteFrom("installment").where("contract_id", "=", contractId).execute();
    await insertInstallments(trx, { id: contractId, clientId: input.clientId }, input.installments);
    const creditApplied = await applyClientCredit(trx, clock, input.clientId);
    return { contractId, creditApplied };
  });
}

/**
 * A contract with its plan and whether money is applied to it yet. A
 * contract of a client outside `scope` is not found.
 */
export async function getContract(db: Db, contractId: number, scope: ClientScope = ALL_CLIENTS) {
  const contract = await db
    .selectFrom("contract as c")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .innerJoin("business_type as b", "b.id", "c.business_type_id")
    .select([
      "c.id",
      "c.client_id as clientId",
      "cl.name as clientName",
      "c.contract_no as contractNo",
      "c.business_type_id as businessTypeId",
      "b.name as businessType",
      "c.title",
      "c.signed_on as signedOn",
      "c.service_start as serviceStart",
      "c.service_end as serviceEnd",
      "c.total_amount as totalAmount",
      "c.media_cost as mediaCost",
      "c.production_cost as productionCost",
      "c.notes",
      "c.version",
    ])
    .where("c.id", "=", contractId)
    .$if(scope.accountManagerId !== null, (query) =>
      query.where("cl.account_manager_id", "=", scope.accountManagerId),
    )
    .executeTakeFirst();
  if (!contract) throw notFound("合同", contractId);

  const installments = await db
    .selectFrom("installment")
    .select(["id", "seq", "label", "due_date as dueDate", "amount", "paid_amount as paidAmount"])
    .where("contract_id", "=", contractId)
    .orderBy("seq")
    .execute();
  const hasAllocations = await db
    .selectFrom("allocation as a")
    .innerJoin("installment as i", "i.id", "a.installment_id")
    .select("a.id")
    .where("i.contract_id", "=", contractId)
    .executeTakeFirst();

  return { ...contract, installments, editable: !hasAllocations };
}

/**
 * Returns the ids of a client's contracts that can still be edited, meaning no
 * payment was ever applied to them (reversed allocations count too), which is
 * what updateContract requires.
 */
export async function editableContractIds(db: Db, clientId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("contract as c")
    .select("c.id")
    .where("c.client_id", "=", clientId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("allocation as a")
            .innerJoin("installment as i", "i.id", "a.installment_id")
            .select("a.id")
            .whereRef("i.contract_id", "=", "c.id"),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.id);
}
