import { assertFen } from "./money";

/** An installment with money still due, as the allocation rule sees it. */
export interface OpenInstallment {
  installmentId: number;
  contractId: number;
  dueDate: string;
  /** Amount still due in fen, > 0. */
  outstanding: number;
}

export interface AllocationLine {
  installmentId: number;
  amount: number;
}

export interface AllocationPlan {
  lines: AllocationLine[];
  /** Fen left over after every open installment is paid: client credit. */
  unapplied: number;
}

/**
 * Applies `amount` fen to open installments (核销). Installments of
 * `preferredContractId`, if given, are served first; then all others. Within
 * each group the oldest due date goes first, and installments due the same
 * day go in id order so the result is deterministic. Whatever exceeds the
 * open installments is returned as `unapplied`, never dropped.
 */
export function allocate(
  amount: number,
  open: readonly OpenInstallment[],
  preferredContractId: number | null = null,
): AllocationPlan {
  assertFen(amount);
  if (amount < 0) throw new RangeError(`Amount must not be negative: ${amount}`);

  const ordered = [...open].sort(
    (a, b) =>
      rank(a, preferredContractId) - rank(b, preferredContractId) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.installmentId - b.installmentId,
  );

  const lines: AllocationLine[] = [];
  let remaining = amount;
  for (const installment of ordered) {
    if (remaining === 0) break;
    if (installment.outstanding <= 0) continue;

    const applied = Math.min(remaining, installment.outstanding);
    lines.push({ installmentId: installment.installmentId, amount: applied });
    remaining -= applied;
  }

  return { lines, unapplied: remaining };
}

function rank(installment: OpenInstallment, preferred: number | null): number {
  return preferred !== null && installment.contractId === preferred ? 0 : 1;
}
