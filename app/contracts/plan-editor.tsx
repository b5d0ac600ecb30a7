"use client";

import { useRef, useState } from "react";

import { isCalendarDate } from "../../server/domain/dates";
import { fenToInput, formatYuan, parseYuan } from "../../server/domain/money";
import { milestonePlan, type PlannedInstallment, singlePaymentPlan } from "../../server/domain/plans";

/** One editable plan row; every field is the text typed, amounts in yuan. */
interface PlanRow {
  key: number;
  label: string;
  dueDate: string;
  amount: string;
}

/** The contract fields a plan is computed from, as typed in the form. */
export interface PlanBasis {
  totalAmount: string;
  signedOn: string;
  serviceStart: string;
  serviceEnd: string;
}

const MAX_TERM_DAYS = 3650;

const INPUT_STYLE =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-500";

const CELL_INPUT = `block w-full ${INPUT_STYLE}`;

const SMALL_BUTTON =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50";

/** Reads the rows a failed submit sent back, in order, or returns one empty row. */
function rowsFromValues(values: Record<string, string>): PlanRow[] {
  const rows: PlanRow[] = [];
  for (let index = 0; `installments.${index}.amount` in values || `installments.${index}.dueDate` in values; index++) {
    rows.push({
      key: index,
      label: values[`installments.${index}.label`] ?? "",
      dueDate: values[`installments.${index}.dueDate`] ?? "",
      amount: values[`installments.${index}.amount`] ?? "",
    });
  }
  return rows.length > 0 ? rows : [{ key: 0, label: "", dueDate: "", amount: "" }];
}

/**
 * Edits the installment plan (收款计划): rows can be added, removed or filled
 * from the usual plans, and the plan's sum is checked against the contract
 * total in fen as the user types.
 */
export function PlanEditor({
  values,
  errors,
  basis,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  basis: PlanBasis;
}) {
  const [rows, setRows] = useState(() => rowsFromValues(values));
  const nextKey = useRef(rows.length);
  const [termDays, setTermDays] = useState("30");
  const [hint, setHint] = useState<string | null>(null);
  // Row errors belong to the submitted rows, so once rows move they would point at the wrong row.
  const [rowsMoved, setRowsMoved] = useState(false);

  function newKey() {
    nextKey.current += 1;
    return nextKey.current;
  }

  function replaceRows(plan: PlannedInstallment[]) {
    setRows(plan.map((item) => ({ key: newKey(), label: item.label, dueDate: item.dueDate, amount: fenToInput(item.amount) })));
    setRowsMoved(true);
    setHint(null);
  }

  function updateRow(key: number, field: "label" | "dueDate" | "amount", value: string) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  }

  function addRow() {
    setRows((current) => [...current, { key: newKey(), label: "", dueDate: "", amount: "" }]);
    setRowsMoved(true);
  }

  function removeRow(key: number) {
    setRows((current) => current.filter((row) => row.key !== key));
    setRowsMoved(true);
  }

  /** Returns the total and signing date a plan needs, or null after showing what is missing. */
  function planInputs(): { total: number; signedOn: string } | null {
    const total = parseYuan(basis.totalAmount);
    if (total === null || total === 0) {
      setHint("请先填写有效的合同金额，再生成收款计划");
      return null;
    }
    if (!isCalendarDate(basis.signedOn)) {
      setHint("请先填写签订日期，再生成收款计划");
      return null;
    }
    return { total, signedOn: basis.signedOn };
  }

  function fillSinglePayment() {
    const inputs = planInputs();
    if (!inputs) return;
    const days = /^\d{1,4}$/.test(termDays.trim()) ? Number(termDays.trim()) : NaN;
    if (!(days <= MAX_TERM_DAYS)) {
      setHint(`账期天数 "${termDays}" 无效，请填写 0 到 ${MAX_TERM_DAYS} 之间的整数`);
      return;
    }
    replaceRows(singlePaymentPlan(inputs.total, inputs.signedOn, days));
  }

  function fillMilestones() {
    const inputs = planInputs();
    if (!inputs) return;
    const start = isCalendarDate(basis.serviceStart) ? basis.serviceStart : null;
    const end = isCalendarDate(basis.serviceEnd) ? basis.serviceEnd : null;
    replaceRows(milestonePlan(inputs.total, inputs.signedOn, start, end));
  }

  const rowError = (index: number, field: string) => (rowsMoved ? undefined : errors[`installments.${index}.${field}`]);

  return (
    <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby="installments-error">
      <legend className="px-1 text-sm font-medium text-slate-700">
        收款计划<span className="ml-0.5 text-red-600">*</span>
      </legend>
      <div className="no-print mb-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-500">按常用方式生成：</span>
        <button type="button" onClick={fillSinglePayment} className={SMALL_BUTTON}>
          一次性付款
        </button>
        <label className="flex items-center gap-1 whitespace-nowrap text-slate-600">
          账期
          <input
            value={termDays}
            onChange={(event) => setTermDays(event.target.value)}
            inputMode="numeric"
            aria-label="账期天数"
            className={`${INPUT_STYLE} w-16 text-right tabular-nums`}
          />
          天
        </label>
        <span className="text-slate-300">|</span>
        <button type="button" onClick={fillMilestones} className={SMALL_BUTTON}>
          30/40/30（签约/上刊/结案）
        </button>
      </div>
      {hint ? <p className="mb-2 text-xs text-amber-800">{hint}</p> : null}

      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="w-10 px-1 py-1 font-medium">期次</th>
            <th className="px-1 py-1 font-medium">名称</th>
            <th className="w-44 px-1 py-1 font-medium">到期日</th>
            <th className="w-44 px-1 py-1 text-right font-medium">金额（元）</th>
            <th className="w-16 px-1 py-1 text-right font-medium">占比</th>
            <th className="w-12 px-1 py-1" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <PlanRowInputs
              key={row.key}
              row={row}
              index={index}
              total={parseYuan(basis.totalAmount)}
              errors={{
                label: rowError(index, "label"),
                dueDate: rowError(index, "dueDate"),
                amount: rowError(index, "amount"),
              }}
              onChange={(field, value) => updateRow(row.key, field, value)}
              onRemove={() => removeRow(row.key)}
            />
          ))}
        </tbody>
      </table>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <button type="button" onClick={addRow} className={`no-print ${SMALL_BUTTON}`}>
          ＋ 添加一期
        </button>
        <PlanSummary rows={rows} totalText={basis.totalAmount} />
      </div>
      {errors.installments ? (
        <p id="installments-error" className="mt-2 text-xs text-red-700">
          {errors.installments}
        </p>
      ) : null}
    </fieldset>
  );
}

function PlanRowInputs({
  row,
  index,
  total,
  errors,
  onChange,
  onRemove,
}: {
  row: PlanRow;
  index: number;
  total: number | null;
  errors: { label?: string; dueDate?: string; amount?: string };
  onChange: (field: "label" | "dueDate" | "amount", value: string) => void;
  onRemove: () => void;
}) {
  const name = (field: string) => `installments.${index}.${field}`;
  const amount = parseYuan(row.amount);
  const share = amount !== null && total ? `${((amount * 100) / total).toFixed(1)}%` : "";
  const messages = [errors.label, errors.dueDate, errors.amount].filter(Boolean);

  return (
    <>
      <tr className="align-top">
        <td className="px-1 py-1 text-slate-500 tabular-nums">{index + 1}</td>
        <td className="px-1 py-1">
          <input
            name={name("label")}
            value={row.label}
            onChange={(event) => onChange("label", event.target.value)}
            placeholder="如 签约款"
            maxLength={30}
            aria-label={`第${index + 1}期名称`}
            aria-invalid={errors.label ? true : undefined}
            className={CELL_INPUT}
          />
        </td>
        <td className="px-1 py-1">
          <input
            type="date"
            name={name("dueDate")}
            value={row.dueDate}
            onChange={(event) => onChange("dueDate", event.target.value)}
            aria-label={`第${index + 1}期到期日`}
            aria-invalid={errors.dueDate ? true : undefined}
            className={CELL_INPUT}
          />
        </td>
        <td className="px-1 py-1">
          <input
            name={name("amount")}
            value={row.amount}
            onChange={(event) => onChange("amount", event.target.value)}
            inputMode="decimal"
            placeholder="0.00"
            aria-label={`第${index + 1}期金额`}
            aria-invalid={errors.amount || (row.amount.trim() !== "" && amount === null) ? true : undefined}
            className={`${CELL_INPUT} text-right tabular-nums`}
          />
        </td>
        <td className="px-1 py-1.5 text-right text-xs text-slate-500 tabular-nums">{share}</td>
        <td className="px-1 py-1 text-right">
          <button
            type="button"
            onClick={onRemove}
            className="no-print rounded px-1.5 py-1 text-xs text-slate-500 hover:bg-red-50 hover:text-red-700"
            aria-label={`删除第${index + 1}期`}
          >
            删除
          </button>
        </td>
      </tr>
      {messages.length > 0 ? (
        <tr>
          <td />
          <td colSpan={5} className="px-1 pb-1 text-xs text-red-700">
            {messages.join("；")}
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Shows the plan's sum against the contract total, both parsed to fen. */
function PlanSummary({ rows, totalText }: { rows: readonly PlanRow[]; totalText: string }) {
  const amounts = rows.map((row) => parseYuan(row.amount));
  const planned = amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
  const unreadable = amounts.flatMap((amount, index) => (amount === null ? [index + 1] : []));
  const total = parseYuan(totalText);
  const difference = total === null ? null : total - planned;

  return (
    <div className="text-right text-sm tabular-nums" aria-live="polite">
      <div>
        计划合计 <strong>{formatYuan(planned)}</strong>
        <span className="mx-2 text-slate-300">|</span>
        合同金额 <strong>{total === null ? "未填写" : formatYuan(total)}</strong>
        <span className="mx-2 text-slate-300">|</span>
        {difference === null ? (
          <span className="text-slate-400">差额 —</span>
        ) : difference === 0 ? (
          <span className="text-emerald-700">差额 ¥0.00 ✓ 与合同金额一致</span>
        ) : (
          <span className="font-semibold text-red-700">
            差额 {formatYuan(difference)}（{difference > 0 ? "计划少于合同金额" : "计划多于合同金额"}）
          </span>
        )}
      </div>
      {unreadable.length > 0 ? (
        <div className="mt-0.5 text-xs text-amber-800">
          第 {unreadable.join("、")} 期金额为空或无效，未计入合计
        </div>
      ) : null}
    </div>
  );
}
