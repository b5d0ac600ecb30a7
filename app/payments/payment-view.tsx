import Link from "next/link";
import type { ReactNode } from "react";

import type { serverCaller } from "../../server/context";
import { formatChineseDate } from "../../server/domain/dates";
import { Alert, Money, Table, Td, Th } from "../components/ui";
import { formatTimestamp } from "../lib/timestamp";

export type PaymentDetail = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["payments"]["get"]>>;

/** Renders the facts of one payment as a list in columns. */
export function PaymentFacts({ payment, timeZone }: { payment: PaymentDetail; timeZone: string }) {
  return (
    <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <Fact label="客户">
        <Link href={`/clients/${payment.clientId}`} className="text-brand-700 hover:underline">
          {payment.clientName}
        </Link>
      </Fact>
      <Fact label="收款日期">
        <span className="tabular-nums">{formatChineseDate(payment.receivedOn)}</span>
      </Fact>
      <Fact label="收款金额">
        <span className={`font-semibold ${payment.reversedAt ? "text-slate-400 line-through" : ""}`}>
          <Money fen={payment.amount} />
        </span>
      </Fact>
      <Fact label="收款方式">{payment.method}</Fact>
      <Fact label="银行流水号">
        <span className="tabular-nums">{payment.bankReference || "—"}</span>
      </Fact>
      <Fact label="指定合同">{payment.preferredContractNo ?? "不指定"}</Fact>
      <Fact label="登记时间">
        <span className="tabular-nums">{formatTimestamp(payment.createdAt, timeZone)}</span>
      </Fact>
      <Fact label="回款编号">
        <span className="tabular-nums">#{payment.id}</span>
      </Fact>
      <Fact label="备注" wide>
        <span className="whitespace-pre-wrap">{payment.note || "—"}</span>
      </Fact>
    </dl>
  );
}

function Fact({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}

/** Renders when and why the payment was reversed, or nothing when it is live. */
export function ReversalNotice({ payment, timeZone }: { payment: PaymentDetail; timeZone: string }) {
  if (!payment.reversedAt) return null;
  return (
    <Alert tone="warning">
      <p className="font-medium">该笔回款已于 {formatTimestamp(payment.reversedAt, timeZone)} 冲销，不再计入回款。</p>
      <p className="mt-1">冲销原因：{payment.reversalReason || "—"}</p>
      <p className="mt-1 text-xs">原核销记录保留在下表中供查账；被冲销的分期已恢复为未收。</p>
    </Alert>
  );
}

/**
 * Renders where the payment went: one row per allocation (核销), reversed
 * ones struck through, then the part not applied, which is client credit.
 */
export function AllocationTable({ payment }: { payment: PaymentDetail }) {
  const reversed = payment.reversedAt !== null;
  if (payment.allocations.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {reversed
          ? "该笔回款冲销前没有核销任何分期。"
          : "该笔回款还没有核销任何分期：登记时客户没有未收款，全部计入预收款，以后新增的应收会自动冲抵。"}
      </p>
    );
  }

  return (
    <Table>
      <thead>
        <tr>
          <Th>合同编号</Th>
          <Th>合同内容</Th>
          <Th>分期</Th>
          <Th>到期日</Th>
          <Th>核销方式</Th>
          <Th>状态</Th>
          <Th numeric>核销金额</Th>
        </tr>
      </thead>
      <tbody>
        {payment.allocations.map((line) => (
          <tr key={line.id} className={line.reversedAt ? "text-slate-400" : undefined}>
            <Td className="whitespace-nowrap">{line.contractNo}</Td>
            <Td>{line.contractTitle}</Td>
            <Td className="whitespace-nowrap">{line.label || `第${line.seq}期`}</Td>
            <Td className="tabular-nums whitespace-nowrap">{line.dueDate}</Td>
            <Td className="whitespace-nowrap">{line.fromCredit ? "后续自动核销" : "登记时核销"}</Td>
            <Td className="whitespace-nowrap">
              {line.reversedAt ? (payment.reversedAt ? "已冲销" : "已按收款日期重新核销") : "有效"}
            </Td>
            <Td numeric className={line.reversedAt ? "line-through" : undefined}>
              <Money fen={line.amount} tone={line.reversedAt ? "muted" : undefined} />
            </Td>
          </tr>
        ))}
      </tbody>
      <tfoot className="font-semibold">
        <tr>
          <Td colSpan={6}>有效核销合计</Td>
          <Td numeric>
            <Money fen={payment.applied} />
          </Td>
        </tr>
        {reversed ? null : (
          <tr>
            <Td colSpan={6}>未核销（预收款）</Td>
            <Td numeric>
              <Money fen={payment.unapplied} tone="success" />
            </Td>
          </tr>
        )}
      </tfoot>
    </Table>
  );
}

/** Returns the message of the first failed query, for a page that runs several. */
export function firstLoadError(...results: ({ ok: true } | { ok: false; message: string })[]): string | null {
  const failed = results.find((result) => !result.ok);
  return failed && !failed.ok ? failed.message : null;
}
