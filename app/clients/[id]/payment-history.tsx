import Link from "next/link";

import { EmptyState, Money, Table, Td, Th } from "../../components/ui";
import type { LedgerPayment } from "./ledger-types";
import { formatTimestamp } from "../../lib/timestamp";

/**
 * Lists the client's payments received by the as-of date, newest first, with
 * reversed ones struck through so the history is complete.
 */
export function PaymentHistory({
  payments,
  laterCount,
  signedContractNos,
  timeZone,
  canReverse,
}: {
  payments: readonly LedgerPayment[];
  /** Payments received after the as-of date, which are not listed. */
  laterCount: number;
  /** Contracts signed by the as-of date. Allocations to other contracts did not count then. */
  signedContractNos: ReadonlySet<string>;
  timeZone: string;
  /** Whether the user may reverse payments, which shows the 冲销 links. */
  canReverse: boolean;
}) {
  const live = payments.filter((payment) => payment.reversedAt === null);
  const liveTotal = live.reduce((sum, payment) => sum + payment.amount, 0);
  const laterNote =
    laterCount > 0 ? <p className="mt-2 text-xs text-slate-500">截止日期之后另有 {laterCount} 笔回款，未列出。</p> : null;

  if (payments.length === 0) {
    return (
      <>
        <EmptyState title="截至该日没有回款记录">收到款项后点击“登记回款”，系统会自动核销到期最早的分期。</EmptyState>
        {laterNote}
      </>
    );
  }
  return (
    <>
      <Table>
        <thead>
          <tr>
            <Th>收款日期</Th>
            <Th numeric>金额</Th>
            <Th>方式 / 流水号</Th>
            <Th>核销明细（合同编号 · 期次 · 金额）</Th>
            <Th numeric>未核销（预收款）</Th>
            <Th />
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => (
            <PaymentRow
              key={payment.id}
              payment={payment}
              signedContractNos={signedContractNos}
              timeZone={timeZone}
              canReverse={canReverse}
            />
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <Td>有效回款合计（{live.length} 笔）</Td>
            <Td numeric>
              <Money fen={liveTotal} />
            </Td>
            <Td colSpan={4} />
          </tr>
        </tfoot>
      </Table>
      {laterNote}
    </>
  );
}

function PaymentRow({
  payment,
  signedContractNos,
  timeZone,
  canReverse,
}: {
  payment: LedgerPayment;
  canReverse: boolean;
  signedContractNos: ReadonlySet<string>;
  timeZone: string;
}) {
  const reversed = payment.reversedAt !== null;
  return (
    <tr className={reversed ? "bg-slate-50 text-slate-400" : ""}>
      <Td className="tabular-nums whitespace-nowrap align-top">
        {payment.receivedOn}
        {reversed ? (
          <span className="ml-1.5 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-600">已冲销</span>
        ) : null}
      </Td>
      <Td numeric className="align-top">
        <span className={reversed ? "line-through" : ""}>
          <Money fen={payment.amount} tone={reversed ? "muted" : undefined} />
        </span>
      </Td>
      <Td className="align-top">
        <div>{payment.method}</div>
        {payment.bankReference ? <div className="text-xs text-slate-500 tabular-nums">{payment.bankReference}</div> : null}
        {payment.preferredContractNo ? (
          <div className="text-xs text-slate-500">指定合同：{payment.preferredContractNo}</div>
        ) : null}
        {payment.note ? <div className="text-xs text-slate-500">备注：{payment.note}</div> : null}
      </Td>
      <Td className="align-top">
        <AllocationList payment={payment} signedContractNos={signedContractNos} />
        {reversed ? (
          <p className="mt-1 text-xs text-slate-600">
            冲销于 {formatTimestamp(payment.reversedAt!, timeZone)}，原因：{payment.reversalReason || "（未填写）"}
          </p>
        ) : null}
      </Td>
      <Td numeric className="align-top">
        {reversed ? <span className="text-slate-400">—</span> : <Money fen={payment.unapplied} tone="success" />}
      </Td>
      <Td className="no-print text-right align-top whitespace-nowrap">
        {reversed || !canReverse ? null : (
          <Link href={`/payments/${payment.id}/reverse`} className="text-sm text-red-700 hover:underline">
            冲销
          </Link>
        )}
      </Td>
    </tr>
  );
}

function AllocationList({
  payment,
  signedContractNos,
}: {
  payment: LedgerPayment;
  signedContractNos: ReadonlySet<string>;
}) {
  // A live payment's replaced allocations stay on its own page as history;
  // here only what it pays now is listed.
  const lines = payment.reversedAt ? payment.allocations : payment.allocations.filter((line) => !line.reversedAt);
  if (lines.length === 0) {
    return <span className="text-xs text-slate-400">未核销到任何分期</span>;
  }
  return (
    <ul className="space-y-0.5">
      {lines.map((line, index) => {
        const period = line.label ? `第${line.seq}期 ${line.label}` : `第${line.seq}期`;
        const lateContract = !signedContractNos.has(line.contractNo);
        return (
          <li key={index} className={`text-xs ${line.reversedAt ? "line-through" : ""}`}>
            <span className="tabular-nums">{line.contractNo}</span> · {period} ·{" "}
            <Money fen={line.amount} tone={line.reversedAt ? "muted" : undefined} />
            {lateContract && !line.reversedAt ? (
              <span className="ml-1 text-slate-400">（合同在截止日期后签订，该日尚未核销）</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

