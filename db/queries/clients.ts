import type { Db } from "..";
import { selectInChunks } from "./chunks";

/** Client identity columns shown beside every balance. */
export interface ClientIdentity {
  id: number;
  name: string;
  contactPerson: string;
  phone: string;
  accountManagerId: number | null;
  accountManagerName: string | null;
}

/** Reads the identity of each client in `ids`, with its account manager's name, keyed by id. */
export async function clientDirectory(db: Db, ids: Iterable<number>): Promise<Map<number, ClientIdentity>> {
  const rows = await selectInChunks(ids, (chunk) =>
    db
      .selectFrom("client as c")
      .leftJoin("staff as s", "s.id", "c.account_manager_id")
      .select([
        "c.id",
        "c.name",
        "c.contact_person as contactPerson",
        "c.phone",
        "c.account_manager_id as accountManagerId",
        "s.name as accountManagerName",
      ])
      .where("c.id", "in", chunk)
      .execute(),
  );
  return new Map(rows.map((row) => [row.id, row]));
}
