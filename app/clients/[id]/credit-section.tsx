import { serverCaller } from "../../../server/context";
import { fenToInput } from "../../../server/domain/money";
import { Alert, Card, Money, Stat, Table, Td, Th } from "../../components/ui";
import type { Access } from "../../lib/auth";
import { load } from "../../lib/errors";
import {
  BlacklistForm,
  CreditLimitForm,
  LiftBlacklistForm,
  RedeemRewardForm,
  VoidRedemptionForm,
} from "./credit-forms";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

const GRADE_LABELS: Record<string, string> = { A: "A 优", B: "B 良", C: "C 一般", D: "D 差" };

/**
 * Renders the client's credit position (信用状况) and on-time reward
 * (按时回款奖励) as of the page's date, with the forms each role may use.
 */
export async function CreditSection({
  caller,
  clientId,
  asOf,
  today,
  user,
  contracts,
}: {
  caller: Caller;
  clientId: number;
  asOf: string;
  today: string;
  user: Access;
  contracts: readonly { id: number; contractNo: string }[];
}) {
  const [status, reward] = await Promise.all([
    load(() => caller.credit.status({ clientId, asOf })),
    load(() => caller.rewards.summary({ clientId, asOf })),
  ]);
  return (
    <section id="credit" className="grid gap-4 lg:grid-cols-2">
      <Card title="信用状况">
        {status.ok ? <CreditStatus status={status.data} user={user} /> : <Alert>{status.message}</Alert>}
      </Card>
      <Card title="按时回款奖励">
        {reward.ok ? (
          <Reward reward={reward.data} user={user} today={today} contracts={contracts} />
        ) : (
          <Alert>{reward.message}</Alert>
        )}
      </Card>
    </section>
  );
}

type Status = Awaited<ReturnType<Caller["credit"]["status"]>>;

function CreditStatus({ status, user }: { status: Status; user: Access }) {
  return (
    <div className="space-y-4">
      {status.blacklist ? (
        <Alert tone="error">
          已列入拒绝合作名单：{status.blacklist.reason}（{status.blacklist.decidedOn} 由 {status.blacklist.decidedByName}
          决定）。新增合同须由管理员填写放行原因。
        </Alert>
      ) : null}
      {status.warnings
        .filter((warning) => warning.code !== "blacklisted")
        .map((warning) => (
          <Alert key={warning.code} tone="warning">
            {warning.message}
          </Alert>
        ))}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="信用额度" value={status.creditLimit === null ? "未设置" : <Money fen={status.creditLimit} />} />
        <Stat label="未结清" value={<Money fen={status.outstanding} />} />
        <Stat
          label="可用额度"
          value={
            status.available === null ? "—" : <Money fen={status.available} tone={status.available < 0 ? "danger" : undefined} />
          }
        />
        <Stat
          label="信用等级"
          value={status.grade ? GRADE_LABELS[status.grade] : "暂无"}
          note={status.grade ? "按近 12 个月回款速度" : "近 12 个月无到期款项"}
        />
      </dl>
      <p className="text-xs text-slate-500">等级规则：{status.gradeRule}</p>
      <p className="text-xs text-slate-500">提示规则：{status.creditRule}</p>
      {user.can("credit.setLimit") ? (
        <details className="no-print rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm text-brand-700">修改信用额度</summary>
          <div className="mt-3">
            <CreditLimitForm
              clientId={status.clientId}
              current={status.creditLimit === null ? "" : fenToInput(status.creditLimit)}
            />
          </div>
        </details>
      ) : null}
      {status.blacklist && user.can("credit.lift") ? (
        <details className="no-print rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm text-brand-700">移出拒绝合作名单</summary>
          <div className="mt-3">
            <LiftBlacklistForm clientId={status.clientId} />
          </div>
        </details>
      ) : null}
      {!status.blacklist && user.can("credit.blacklist") ? (
        <details className="no-print rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm text-red-700">列入拒绝合作名单</summary>
          <div className="mt-3">
            <BlacklistForm clientId={status.clientId} />
          </div>
        </details>
      ) : null}
      {status.blacklistHistory.some((entry) => entry.liftedAt) ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">名单记录</h3>
          <ul className="space-y-1 text-xs text-slate-600">
            {status.blacklistHistory.map((entry) => (
              <li key={entry.id}>
                {entry.decidedOn} {entry.decidedByName} 列入：{entry.reason}
                {entry.liftedAt ? `；${entry.liftedAt.slice(0, 10)} ${entry.liftedByName ?? ""} 移出：${entry.liftReason ?? ""}` : "（当前有效）"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

type Summary = Awaited<ReturnType<Caller["rewards"]["summary"]>>;

function Reward({
  reward,
  user,
  today,
  contracts,
}: {
  reward: Summary;
  user: Access;
  today: string;
  contracts: readonly { id: number; contractNo: string }[];
}) {
  const points = reward.rule.kind === "points";
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-500">规则：{reward.ruleDescription}</p>
      <dl className="grid grid-cols-3 gap-4">
        <Stat label="累计获得" value={<Money fen={reward.earned} />} />
        <Stat label="已使用" value={<Money fen={reward.used} />} />
        <Stat
          label="可用"
          value={<Money fen={reward.available} />}
          note={points && reward.availablePoints !== null ? `合 ${reward.availablePoints} 积分` : undefined}
        />
      </dl>
      {reward.earnedRows.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">获得明细（{reward.earnedRows.length} 期）</summary>
          <Table>
            <thead>
              <tr>
                <Th>合同</Th>
                <Th>分期</Th>
                <Th>到期日</Th>
                <Th>付清日</Th>
                <Th numeric>金额</Th>
                <Th numeric>奖励</Th>
              </tr>
            </thead>
            <tbody>
              {reward.earnedRows.map((row) => (
                <tr key={row.installmentId}>
                  <Td>{row.contractNo}</Td>
                  <Td>{row.label}</Td>
                  <Td>{row.dueDate}</Td>
                  <Td>{row.paidOn}</Td>
                  <Td numeric>
                    <Money fen={row.amount} />
                  </Td>
                  <Td numeric>
                    <Money fen={row.reward} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </details>
      ) : null}
      {reward.redemptions.length > 0 ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">使用记录</h3>
          <Table>
            <thead>
              <tr>
                <Th>日期</Th>
                <Th>抵扣合同</Th>
                <Th numeric>金额</Th>
                <Th>备注</Th>
                <Th>状态</Th>
              </tr>
            </thead>
            <tbody>
              {reward.redemptions.map((row) => (
                <tr key={row.id} className={row.voidedAt ? "text-slate-400 line-through" : undefined}>
                  <Td>{row.usedOn}</Td>
                  <Td>{row.contractNo ?? "—"}</Td>
                  <Td numeric>
                    <Money fen={row.amount} />
                  </Td>
                  <Td>{row.note}</Td>
                  <Td>
                    {row.voidedAt ? (
                      `已作废：${row.voidReason ?? ""}`
                    ) : user.can("rewards.voidRedemption") ? (
                      <details className="no-print">
                        <summary className="cursor-pointer text-xs text-brand-700">作废</summary>
                        <VoidRedemptionForm clientId={reward.clientId} redemptionId={row.id} />
                      </details>
                    ) : (
                      "有效"
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
      {reward.rule.enabled && reward.available > 0 && user.can("rewards.redeem") ? (
        <details className="no-print rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm text-brand-700">登记奖励使用</summary>
          <div className="mt-3">
            <RedeemRewardForm clientId={reward.clientId} today={today} contracts={contracts} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
