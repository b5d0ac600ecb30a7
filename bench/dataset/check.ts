import SQLite from "better-sqlite3";

/**
 * Invariants the product keeps, checked with SQL over a whole database.
 * Each query counts the rows that break one rule, so 0 means it holds.
 */
const INVARIANTS: { rule: string; sql: string }[] = [
  {
    rule: "installment.paid_amount equals the sum of its live allocations",
    sql: `select count(*) from installment i
          left join (select installment_id, sum(amount) as applied from allocation
                     where reversed_at is null group by installment_id) a on a.installment_id = i.id
          where i.paid_amount <> coalesce(a.applied, 0)`,
  },
  {
    rule: "an installment carries its contract's client",
    sql: `select count(*) from installment i join contract c on c.id = i.contract_id
          where i.client_id is null or i.client_id <> c.client_id`,
  },
  {
    rule: "paid_amount lies between 0 and the installment amount",
    sql: "select count(*) from installment where paid_amount < 0 or paid_amount > amount",
  },
  {
    rule: "a contract's installments sum to its total amount",
    sql: `select count(*) from contract c
          left join (select contract_id, sum(amount) as planned from installment group by contract_id) x
            on x.contract_id = c.id
          where coalesce(x.planned, 0) <> c.total_amount`,
  },
  {
    rule: "a payment's live allocations do not exceed its amount",
    sql: `select count(*) from payment p
          join (select payment_id, sum(amount) as applied from allocation
                where reversed_at is null group by payment_id) a on a.payment_id = p.id
          where a.applied > p.amount`,
  },
  {
    rule: "a reversed payment has no live allocation",
    sql: `select count(*) from allocation a join payment p on p.id = a.payment_id
          where p.reversed_at is not null and a.reversed_at is null`,
  },
  {
    rule: "an allocation pays an installment of the paying client",
    sql: `select count(*) from allocation a
          join payment p on p.id = a.payment_id
          join installment i on i.id = a.installment_id
          join contract c on c.id = i.contract_id
          where c.client_id <> p.client_id`,
  },
  {
    rule: "no allocation comes from a payment received before the contract was signed and applied before it",
    sql: `select count(*) from allocation a
          join installment i on i.id = a.installment_id
          join contract c on c.id = i.contract_id
          where a.created_at < c.signed_on`,
  },
  {
    rule: "no client keeps credit while one of its installments is open",
    sql: `select count(*) from (
            select p.client_id, sum(p.amount) - coalesce(sum(a.applied), 0) as credit
            from payment p
            left join (select payment_id, sum(amount) as applied from allocation
                       where reversed_at is null group by payment_id) a on a.payment_id = p.id
            where p.reversed_at is null
            group by p.client_id
          ) credit
          where credit.credit > 0 and exists (
            select 1 from installment i join contract c on c.id = i.contract_id
            where c.client_id = credit.client_id and i.paid_amount < i.amount)`,
  },
];

/** Returns the rules that `file` breaks, each with the number of offending rows; empty when all hold. */
export function checkDataset(file: string): string[] {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const failures: string[] = [];
    for (const invariant of INVARIANTS) {
      const count = sqlite.prepare(invariant.sql).pluck().get() as number;
      if (count !== 0) failures.push(`${invariant.rule}: ${count} rows break it`);
    }
    return failures;
  } finally {
    sqlite.close();
  }
}
