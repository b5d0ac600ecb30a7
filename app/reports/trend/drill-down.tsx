import type { serverCaller } from "../../../server/context";
import { Card, EmptyState, Money, Table, Td, Th } from "../../components/ui";

type DrillDown = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["trend"]["drillDown"]>>;
type Contribution = DrillDown["clients"][number];

/** Shows what made one month differ from the same month a year before, by business type and by client. */
export function DrillDownCard({ drillDown }: { drillDown: DrillDown }) {
  const { month, lastYearMonth } = drillDown;
  return (
    <section id="drill-down">
      <Card title={`${month} 与 ${lastYearMonth} 对比：变化来自哪里`}>
        <p className="mb-3 text-sm text-slate-700">
          {month} 收入 <Money fen={drillDown.total} />，上年同月 <Money fen={drillDown.lastYearTotal} />，变化{" "}
          <ChangeMoney fen={drillDown.change} />。各业务类型、各客户的变化之和等于总变化，按变化的绝对值从大到小排列。
          {drillDown.note ? <span className="ml-1 text-amber-800">备注：{drillDown.note}</span> : null}
        </p>
        {drillDown.clients.length === 0 ? (
          <EmptyState title="这两个月都没有签约合同">换一个月份查看，或在上方表格点击有收入的月份。</EmptyState>
        ) : (
          <div className="grid gap-5 lg:grid-cols-2">
            <ContributionTable title="业务类型" entries={drillDown.businessTypes} drillDown={drillDown} />
            <ContributionTable title="客户" entries={drillDown.clients} drillDown={drillDown} />
          </div>
        )}
      </Card>
    </section>
  );
}

function ContributionTable({
  title,
  entries,
  drillDown,
}: {
  title: string;
  entries: readonly Contribution[];
  drillDown: DrillDown;
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>{title}</Th>
          <Th numeric>{drillDown.month}</Th>
          <Th numeric>{drillDown.lastYearMonth}</Th>
          <Th numeric>变化</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <Td>{entry.name}</Td>
            <Td numeric>
              <Money fen={entry.total} />
            </Td>
            <Td numeric>
              <Money fen={entry.lastYearTotal} />
            </Td>
            <Td numeric>
              <ChangeMoney fen={entry.change} />
            </Td>
          </tr>
        ))}
      </tbody>
      <tfoot className="font-semibold">
        <tr>
          <Td>合计</Td>
          <Td numeric>
            <Money fen={drillDown.total} />
          </Td>
          <Td numeric>
            <Money fen={drillDown.lastYearTotal} />
          </Td>
          <Td numeric>
            <ChangeMoney fen={drillDown.change} />
          </Td>
        </tr>
      </tfoot>
    </Table>
  );
}

/** Shows a change in fen with its sign, red when it fell. */
function ChangeMoney({ fen }: { fen: number }) {
  if (fen < 0) {
    return (
      <span className="text-red-700">
        −<Money fen={-fen} />
      </span>
    );
  }
  return (
    <span className={fen > 0 ? "text-emerald-700" : undefined}>
      {fen > 0 ? "+" : ""}
      <Money fen={fen} />
    </span>
  );
}
