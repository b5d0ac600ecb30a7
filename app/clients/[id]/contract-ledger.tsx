import Link from "next/link";
import type { ReactNode } from "react";

import { formatChineseDate } from "../../../server/domain/dates";
import { DaysOverdue, EmptyState, Money, Table, Td, Th } from "../../components/ui";
import type { LedgerContract } from "./ledger-types";

/** A plan row of a contract signed after the as-of date: nothing is due on it yet. */
export interface PlannedRow {
  id: number;
  seq: number;
  label: string;
  dueDate: string;
  amount: number;
}

/**
 * Lists every contract of the client with its installments as of the page's date.
 * Contracts signed after that date are greyed and list their plan only.
 */
export function ContractLedger({
  contracts,
  asOf,
  editableIds,
  futurePlans,
}: {
  contracts: readonly LedgerContract[];
  asOf: string;
  /** Contracts the user may edit now; null when the user may edit none, which hides the hints. */
  editableIds: ReadonlySet<number> | null;
  futurePlans: ReadonlyMap<number, readonly PlannedRow[]>;
}) {
  if (contracts.length === 0) {
    return <EmptyState title="该客户还没有合同">点击右上角“新增合同”录入合同金额和收款计划。</EmptyState>;
  }
  return (
    <div className="space-y-6">
      {contracts.map((contract) => (
        <ContractBlock
          key={contract.id}
          contract={contract}
          asOf={asOf}
          editable={editableIds ? editableIds.has(contract.id) : null}
          futurePlan={futurePlans.get(contract.id) ?? []}
        />
      ))}
    </div>
  );
}

function ContractBlock({
  contract,
  asOf,
  editable,
  futurePlan,
}: {
  contract: LedgerContract;
  asOf: string;
  editable: boolean | null;
  futurePlan: readonly PlannedRow[];
}) {
  return (
    <section
      id={`contract-${contract.id}`}
      className={`scroll-mt-4 rounded-md border border-slate-200 ${contract.signedByAsOf ? "" : "bg-slate-50 opacity-60"}`}
    >
      <ContractHeader contract={contract} editable={editable} />
      {contract.signedByAsOf ? (
        <InstallmentTable contract={contract} />
      ) : (
        <>
          <p className="px-3 pt-2 text-xs text-amber-800">
            该合同于 {formatChineseDate(contract.signedOn)} 签订，晚于截止日期 {formatChineseDate(asOf)}
            ，截至该日尚未生效，不计入本页余额。
          </p>
          <PlanTable rows={futurePlan} />
        </>
      )}
    </section>
  );
}

/** Costs and gross margin, for roles that see costs. */
function CostMeta({ total, mediaCost, productionCost }: { total: number; mediaCost: number; productionCost: number }) {
  const cost = mediaCost + productionCost;
  const profit = total - cost;
  const margin = total > 0 ? `${((profit * 100) / total).toFixed(1)}%` : "—";
  return (
    <>
      <Meta
        label="成本（媒体 + 制作）"
        value={
          <span className="tabular-nums">
            <Money fen={cost} />
            <span className="text-slate-400">
              {" "}
              （<Money fen={mediaCost} /> + <Money fen={productionCost} />）
            </span>
          </span>
        }
      />
      <Meta label="毛利" value={<><Money fen={profit} /> <span className="text-slate-400">（{margin}）</span></>} />
    </>
  );
}

function ContractHeader({ contract, editable }: { contract: LedgerContract; editable: boolean | null }) {
  const period = servicePeriod(contract.serviceStart, contract.serviceEnd);

  return (
    <div className="border-b border-slate-100 px-3 py-2.5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          <span className="tabular-nums">{contract.contractNo}</span>
          <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">
            {contract.businessType}
          </span>
          <span className="ml-2 font-normal text-slate-700">{contract.title}</span>
        </h3>
        {editable === null ? null : editable ? (
          <Link href={`/contracts/${contract.id}/edit`} className="no-print text-sm text-brand-700 hover:underline">
            编辑合同
          </Link>
        ) : (
          <span className="no-print text-xs text-slate-400" title="已有回款核销的合同不能再修改金额和收款计划">
            已有回款，不可编辑
          </span>
        )}
      </div>
      <dl className="mt-1.5 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <Meta label="签订日期" value={<span className="tabular-nums">{contract.signedOn}</span>} />
        <Meta label="服务（发布）期" value={<span className="tabular-nums">{period}</span>} />
        <Meta label="合同金额" value={<Money fen={contract.totalAmount} />} />
        {contract.mediaCost !== null && contract.productionCost !== null ? (
          <CostMeta total={contract.totalAmount} mediaCost={contract.mediaCost} productionCost={contract.productionCost} />
        ) : null}
        {contract.notes ? <Meta label="备注" value={contract.notes} /> : null}
      </dl>
    </div>
  );
}

function servicePeriod(start: string | null, end: string | null): string {
  if (start && end) return `${start} 至 ${end}`;
  if (start) return `${start} 起`;
  if (end) return `至 ${end}`;
  return "未填写";
}

function Meta({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt className="inline text-slate-400">{label}：</dt>
      <dd className="inline text-slate-800">{value}</dd>
    </div>
  );
}

function installmentName(item: { seq: number; label: string }) {
  return item.label ? `第${item.seq}期 · ${item.label}` : `第${item.seq}期`;
}

function InstallmentTable({ contract }: { contract: LedgerContract }) {
  const total = contract.installments.reduce((sum, item) => sum + item.amount, 0);
  return (
    <Table>
      <thead>
        <tr>
          <Th>期次 / 名称</Th>
          <Th>到期日</Th>
          <Th numeric>金额</Th>
          <Th numeric>已收</Th>
          <Th numeric>未收</Th>
          <Th numeric>逾期天数</Th>
        </tr>
      </thead>
      <tbody>
        {contract.installments.map((item) => (
          <tr key={item.id}>
            <Td>{installmentName(item)}</Td>
            <Td className="tabular-nums">{item.dueDate}</Td>
            <Td numeric>
              <Money fen={item.amount} />
            </Td>
            <Td numeric>
              <Money fen={item.paid} tone="success" />
            </Td>
            <Td numeric>
              <Money fen={item.outstanding} tone={item.daysOverdue > 0 ? "danger" : undefined} />
            </Td>
            <Td numeric>
              <DaysOverdue days={item.daysOverdue} />
            </Td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-semibold">
          <Td colSpan={2}>合计</Td>
          <Td numeric>
            <Money fen={total} />
          </Td>
          <Td numeric>
            <Money fen={contract.paid} tone="success" />
          </Td>
          <Td numeric>
            <Money fen={contract.outstanding} />
          </Td>
          <Td numeric>
            <DaysOverdue days={contract.daysOverdue} />
          </Td>
        </tr>
      </tfoot>
    </Table>
  );
}

function PlanTable({ rows }: { rows: readonly PlannedRow[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>期次 / 名称</Th>
          <Th>到期日</Th>
          <Th numeric>金额</Th>
          <Th numeric>已收</Th>
          <Th numeric>未收</Th>
          <Th numeric>逾期天数</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((item) => (
          <tr key={item.id}>
            <Td>{installmentName(item)}</Td>
            <Td className="tabular-nums">{item.dueDate}</Td>
            <Td numeric>
              <Money fen={item.amount} />
            </Td>
            <Td numeric className="text-slate-400">—</Td>
            <Td numeric className="text-slate-400">—</Td>
            <Td numeric className="text-slate-400">—</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
