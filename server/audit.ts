import type { Db } from "../db";
import { channelSnapshot } from "./notifications/store";

/**
 * The audit trail. Every successful mutation procedure leaves exactly one
 * audit_log row, written by the base procedure in the mutation's own
 * transaction: who, when, which procedure, and the subject's values before
 * and after. Procedures name their subject through `ctx.audit`; one that
 * names none is recorded with its input.
 */

export type AuditEntity =
  | "client"
  | "contract"
  | "payment"
  | "setting"
  | "staff"
  | "business_type"
  | "user"
  | "cost"
  | "document"
  | "blacklist"
  | "reward_redemption"
  | "contact"
  | "promise"
  | "dispute"
  | "collection_reason"
  | "notification_channel"
  | "holiday"
  | "import";

export interface AuditActor {
  id: string | null;
  name: string;
}

/** What a mutation tells the audit trail about its subject. */
export interface AuditRecorder {
  /** Names an existing subject and reads its values before the change. */
  before(entity: AuditEntity, id: number | string): Promise<void>;
  /** Names a subject the mutation created; it has no values before. */
  created(entity: AuditEntity, id: number | string): void;
}

interface Subject {
  entity: AuditEntity;
  id: string;
  before: Snapshot | null;
}

type Snapshot = Record<string, unknown>;

/** Keys never written to the audit trail. */
const SECRET_KEYS = /password|token|secret|webhook/i;

export function createAuditRecorder(db: () => Db): AuditRecorder & { subject(): Subject | null } {
  let subject: Subject | null = null;
  return {
    async before(entity, id) {
      subject = { entity, id: String(id), before: await snapshot(db(), entity, String(id)) };
    },
    created(entity, id) {
      subject = { entity, id: String(id), before: null };
    },
    subject: () => subject,
  };
}

/** Writes the one audit row of a mutation that succeeded. */
export async function writeAuditRow(
  db: Db,
  params: {
    at: string;
    actor: AuditActor;
    action: string;
    subject: Subject | null;
    input: unknown;
    requestId: string;
  },
): Promise<void> {
  const { subject } = params;
  const after = subject ? await snapshot(db, subject.entity, subject.id) : null;
  const entity = subject?.entity ?? params.action.split(".")[0] ?? params.action;

  await db
    .insertInto("audit_log")
    .values({
      at: params.at,
      actor_id: params.actor.id,
      actor_name: params.actor.name,
      action: params.action,
      entity,
      entity_id: subject?.id ?? null,
      client_id: clientIdOf(subject?.entity, after ?? subject?.before ?? null),
      before: subject?.before ? JSON.stringify(subject.before) : null,
      after: JSON.stringify(after ?? { input: redact(params.input) }),
      request_id: params.requestId,
    })
    .execute();
}

function clientIdOf(entity: AuditEntity | undefined, values: Snapshot | null): number | null {
  if (!values) return null;
  if (entity === "client") return Number(values.id);
  if (entity === "contract" || entity === "payment") return Number(values.client_id);
  if (entity === "document") return values.client_id === null ? null : Number(values.client_id);
  if (entity === "blacklist" || entity === "reward_redemption") return Number(values.client_id);
  if (entity === "contact" || entity === "promise" || entity === "dispute") return Number(values.client_id);
  return null;
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.test(key) ? "[已隐藏]" : redact(inner)]),
    );
  }
  return value;
}

/** The subject's row, with its installments or allocations where it has them. */
async function snapshot(db: Db, entity: AuditEntity, id: string): Promise<Snapshot | null> {
  switch (entity) {
    case "client":
      return (await db.selectFrom("client").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ?? null;
    case "contract": {
      const contract = await db.selectFrom("contract").selectAll().where("id", "=", Number(id)).executeTakeFirst();
      if (!contract) return null;
      const installments = await db
        .selectFrom("installment")
        .select(["id", "seq", "label", "due_date", "amount", "paid_amount"])
        .where("contract_id", "=", contract.id)
        .orderBy("seq")
        .execute();
      return { ...contract, installments };
    }
    case "payment": {
      const payment = await db.selectFrom("payment").selectAll().where("id", "=", Number(id)).executeTakeFirst();
      if (!payment) return null;
      const allocations = await db
        .selectFrom("allocation")
        .select(["id", "installment_id", "amount", "reversed_at"])
        .where("payment_id", "=", payment.id)
        .orderBy("id")
        .execute();
      return { ...payment, allocations };
    }
    case "setting":
      return (await db.selectFrom("setting").selectAll().where("key", "=", id).executeTakeFirst()) ?? null;
    case "staff":
      return (await db.selectFrom("staff").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ?? null;
    case "business_type":
      return (
        (await db.selectFrom("business_type").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ?? null
      );
    case "cost":
      return (
        (await db.selectFrom("operating_cost").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ?? null
      );
    case "blacklist":
      return (
        (await db.selectFrom("client_blacklist").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ?? null
      );
    case "reward_redemption":
      return (
        (await db.selectFrom("reward_redemption").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ??
        null
      );
    case "document":
      // The payload is left out: it is the frozen letter, large and unchanged by any mutation.
      return (
        (await db
          .selectFrom("issued_document")
          .select(["id", "kind", "number", "client_id", "as_of", "issued_at", "issued_by_name", "file_name", "voided_at", "void_reason", "voided_by_name"])
          .where("id", "=", Number(id))
          .executeTakeFirst()) ?? null
      );
    case "contact":
      return (
        (await db.selectFrom("collection_contact").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ?? null
      );
    case "promise":
      return (
        (await db.selectFrom("payment_promise").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ?? null
      );
    case "dispute":
      // With the client id of the disputed installment, for the client's history.
      return (
        (await db
          .selectFrom("installment_dispute as d")
          .innerJoin("installment as i", "i.id", "d.installment_id")
          .innerJoin("contract as c", "c.id", "i.contract_id")
          .selectAll("d")
          .select(["c.client_id", "c.contract_no"])
          .where("d.id", "=", Number(id))
          .executeTakeFirst()) ?? null
      );
    case "collection_reason":
      return (
        (await db.selectFrom("collection_reason").selectAll().where("id", "=", Number(id)).executeTakeFirst()) ?? null
      );
    case "notification_channel":
      // Secrets appear only as the names of those that are set.
      return channelSnapshot(db, id);
    case "holiday":
      return (await db.selectFrom("holiday").selectAll().where("date", "=", id).executeTakeFirst()) ?? null;
    case "import":
      return (
        (await db
          .selectFrom("import_record")
          .select(["id", "file_name", "file_hash", "file_size", "status", "entity", "preset", "row_count", "counts", "uploaded_by", "imported_by", "imported_at"])
          .where("id", "=", Number(id))
          .executeTakeFirst()) ?? null
      );
    case "user":
      return (
        (await db
          .selectFrom("user")
          .select(["id", "name", "username", "email", "role", "staffId", "banned", "banReason"])
          .where("id", "=", id)
          .executeTakeFirst()) ?? null
      );
  }
}
