import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../server/context";
import { FILTER_INPUT, FilterField, FilterForm } from "../components/filter-form";
import { Alert, ButtonLink, Card, EmptyState, Money, PageHeader, Stat, Table, Td, Th } from "../components/ui";
import { access } from "../lib/auth";
import { load } from "../lib/errors";
import { ExportLinks } from "../export/export-links";
import type { SearchParams } from "../lib/params";
import { paymentListInput } from "./params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "回款记录" };

type PaymentList = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["payments"]["list"]>>;

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filter = paymentListInput(params);
  const user = await access();
  const caller = await serverCaller();
  const result = await load(() => caller.payments.list(filter));

  return (
    <>
      <PageHeader
        title="回款记录"
        subtitle="所有客户的回款，按收款日期从新到旧"
        actions={
          <>
            <ExportLinks report="payments" params={params} />
            {user.can("payments.record") ? <ButtonLink href="/payments/new" variant="primary">登记回款</ButtonLink> : null}
          </>
        }
      />
      <FilterForm resetHref="/payments">
        <FilterField label="收款日期从">
          <input type="date" name="from" defaultValue={filter.from} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="至">
          <input type="date" name="to" defaultValue={filter.to} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="客户名称 / 银行流水号">
          <input type="search" name="q" defaultValue={filter.search} maxLength={100} className={FILTER_INPUT} />
        </FilterField>
        <label className="flex items-center gap-1.5 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="reversed" value="1" defaultChecked={filter.includeReversed} />
          包含已冲销
        </label>
      </FilterForm>
      {result.ok ? <PaymentTable data={result.data} filtered={Boolean(filter.from || filter.to || filter.search)} /> : <Alert>{result.message}</Alert>}
    </>
  );
}

function PaymentTable({ data, filtered }: { data: PaymentList; filtered: boolean }) {
  const { totals } = data;
  return (
    <>
      <div className="mb-5 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="有效回款笔数" value={totals.count} note={filtered ? "符合筛选条件" : "全部"} />
        <Stat label="回款合计" value={<Money fen={totals.amount} tone="success" />} note="不含已冲销" />
        <Stat label="已核销" value={<Money fen={totals.applied} />} />
        <Stat label="预收款（未核销）" value={<Money fen={totals.unapplied} />} />
      </div>
      {data.truncated ? (
        <Alert tone="info">只列出最新的 {data.limit} 笔；上面的合计包含全部符合条件的回款。请缩小日期范围查看更早的记录。</Alert>
      ) : null}
      <Card>
        {data.payments.length === 0 ? (
          <EmptyState title={filtered ? "没有符合条件的回款" : "还没有回款记录"}>
            {filtered ? "请调整日期范围或搜索词。" : <>客户付款到账后，在<Link href="/payments/new" className="text-brand-700 underline">登记回款</Link>中录入。</>}
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>收款日期</Th>
                <Th>客户</Th>
                <Th>收款方式</Th>
                <Th>银行流水号</Th>
                <Th>指定合同</Th>
                <Th numeric>收款金额</Th>
                <Th numeric>已核销</Th>
                <Th numeric>预收款</Th>
                <Th>状态</Th>
              </tr>
            </thead>
            <tbody>
              {data.payments.map((payment) => (
                <PaymentRow key={payment.id} payment={payment} />
              ))}
            </tbody>
            <tfoot className="font-semibold">
              <tr>
                <Td colSpan={5}>合计（有效回款 {totals.count} 笔）</Td>
                <Td numeric>
                  <Money fen={totals.amount} />
                </Td>
                <Td numeric>
                  <Money fen={totals.applied} />
                </Td>
                <Td numeric>
                  <Money fen={totals.unapplied} />
                </Td>
                <Td />
              </tr>
            </tfoot>
          </Table>
        )}
      </Card>
    </>
  );
}

function PaymentRow({ payment }: { payment: PaymentList["payments"][number] }) {
  const reversed = payment.reversedAt !== null;
  return (
    <tr className={reversed ? "text-slate-400" : undefined}>
      <Td className="tabular-nums whitespace-nowrap">
        <Link href={`/payments/${payment.id}`} className="text-brand-700 hover:underline">
          {payment.receivedOn}
        </Link>
      </Td>
      <Td>
        <Link href={`/clients/${payment.clientId}`} className="hover:underline">
          {payment.clientName}
        </Link>
      </Td>
      <Td className="whitespace-nowrap">{payment.method}</Td>
      <Td className="tabular-nums">{payment.bankReference || "—"}</Td>
      <Td className="whitespace-nowrap">{payment.preferredContractNo ?? "—"}</Td>
      <Td numeric className={reversed ? "line-through" : undefined}>
        <Money fen={payment.amount} tone={reversed ? "muted" : undefined} />
      </Td>
      <Td numeric>
        <Money fen={payment.applied} />
      </Td>
      <Td numeric>
        <Money fen={payment.unapplied} />
      </Td>
      <Td className="whitespace-nowrap">
        {reversed ? (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">已冲销</span>
        ) : (
          <Link href={`/payments/${payment.id}`} className="text-xs text-brand-700 hover:underline">
            详情
          </Link>
        )}
      </Td>
    </tr>
  );
}
