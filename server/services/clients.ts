import type { Db } from "../../db";
import { inTransaction } from "../../db/transaction";
import { clientBalancesAsOf, receivedByClient } from "../../db/queries/balances";
import { containsText } from "../../db/text-search";
import type { Clock } from "../clock";
import { daysOverdue } from "../domain/aging";
import { AppError, badInput, notFound } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";

export interface ClientInput {
  name: string;
  contactPerson: string;
  phone: string;
  address: string;
  accountManagerId: number | null;
  notes: string;
}

async function checkManager(db: Db, accountManagerId: number | null) {
  if (accountManagerId === null) return;
  const staff = await db
    .selectFrom("staff")
    .select("id")
    .where("id", "=", accountManagerId)
    .executeTakeFirst();
  if (!staff) throw badInput("accountManagerId", `业务员不存在（编号 ${accountManagerId}）`);
}

export async function createClient(db: Db, clock: Clock, input: ClientInput) {
  return inTransaction(db, async (trx) => {
    await checkManager(trx, input.accountManagerId);
    const now = clock.nowIso();
    const row = await trx
      .insertInto("client")
      .values({
        name: input.name,
        contact_person: input.contactPerson,
        phone: input.phone,
        address: input.address,
        account_manager_id: input.accountManagerId,
        notes: input.notes,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { clientId: row.id };
  });
}

/**
 * Updates a client if `version` is still current (optimistic concurrency).
 * A client outside `scope` is not found.
 */
export async function updateClient(
  db: Db,
  clock: Clock,
  clientId: number,
  version: number,
  input: ClientInput,
  scope: ClientScope = ALL_CLIENTS,
) {
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom("client")
      .select("id")
      .where("id", "=", clientId)
      .$if(scope.accountManagerId !== null, (query) =>
        query.where("account_manager_id", "=", scope.accountManagerId),
      )
      .executeTakeFirst();
    if (!existing) throw notFound("客户", clientId);
    await checkManager(trx, input.accountManagerId);

    const result = await trx
      .updateTable("client")
      .set({
        name: input.name,
        contact_person: input.contactPerson,
        phone: input.phone,
        address: input.address,
        account_manager_id: input.accountManagerId,
        notes: input.notes,
        updated_at: clock.nowIso(),
        version: version + 1,
      })
      .where("id", "=", clientId)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError("CONFLICT", "该客户资料已被他人修改，请刷新页面后重新编辑");
    }
    return { clientId };
  });
}

/** Clients matching `search` in name, contact person or phone, by name. */
export async function listClients(
  db: Db,
  filter: { search?: string; accountManagerId?: number | null },
) {
  let query = db
    .selectFrom("client as c")
    .leftJoin("staff as s", "s.id", "c.account_manager_id")
    .select([
      "c.id",
      "c.name",
      "c.contact_person as contactPerson",
      "c.phone",
      "c.address",
      "c.account_manager_id as accountManagerId",
      "s.name as accountManagerName",
    ])
    .orderBy("c.name");

  const search = filter.search?.trim();
  if (search) {
    query = query.where((eb) =>
      eb.or([
        containsText("c.name", search),
        containsText("c.contact_person", search),
        containsText("c.phone", search),
      ]),
    );
  }
  if (filter.accountManagerId) {
    query = query.where("c.account_manager_id", "=", filter.accountManagerId);
  }
  return query.execute();
}

/** Loads one client. A client outside `scope` is not found, like an id that does not exist. */
export async function getClient(db: Db, clientId: number, scope: ClientScope = ALL_CLIENTS) {
  const client = await db
    .selectFrom("client as c")
    .leftJoin("staff as s", "s.id", "c.account_manager_id")
    .select([
      "c.id",
      "c.name",
      "c.contact_person as contactPerson",
      "c.phone",
      "c.address",
      "c.notes",
      "c.account_manager_id as accountManagerId",
      "s.name as accountManagerName",
      "c.version",
      "c.created_at as createdAt",
    ])
    .where("c.id", "=", clientId)
    .$if(scope.accountManagerId !== null, (query) =>
      query.where("c.account_manager_id", "=", scope.accountManagerId),
    )
    .executeTakeFirst();
  if (!client) throw notFound("客户", clientId);
  return client;
}

/**
 * Lists the clients matching `filter`, by name, each with its balance on
 * `asOf`: outstanding, overdue, days the oldest overdue installment is late,
 * and credit (预收款). Balances are summed in SQL, so no contract is loaded.
 */
export async function listClientsWithBalances(
  db: Db,
  filter: { search?: string; accountManagerId?: number | null },
  asOf: string,
) {
  const clients = await listClients(db, filter);
  const scope = { accountManagerId: filter.accountManagerId };
  const balances = await clientBalancesAsOf(db, asOf, scope);
  const balanceByClient = new Map(balances.map((row) => [row.clientId, row]));
  const received = await receivedByClient(db, { to: asOf }, scope);

  const rows = clients.map((client) => {
    const balance = balanceByClient.get(client.id);
    const applied = balance?.applied ?? 0;
    const oldest = balance?.oldestOverdueDueDate ?? null;
    return {
      ...client,
      outstanding: balance?.outstanding ?? 0,
      overdue: balance?.overdue ?? 0,
      daysOverdue: oldest ? daysOverdue(oldest, asOf) : 0,
      credit: (received.get(client.id) ?? 0) - applied,
    };
  });

  const totals = rows.reduce(
    (sum, row) => ({
      outstanding: sum.outstanding + row.outstanding,
      overdue: sum.overdue + row.overdue,
      credit: sum.credit + row.credit,
    }),
    { outstanding: 0, overdue: 0, credit: 0 },
  );
  return { asOf, rows, totals };
}
