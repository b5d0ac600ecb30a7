import Link from "next/link";

import { serverCaller } from "../../server/context";
import { Alert, EmptyState, Table, Td, Th } from "../components/ui";
import { load } from "../lib/errors";
import { RewardRuleForm } from "./reward-rule-form";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** Renders the on-time reward rule with its form, for the settings page. */
export async function RewardRuleSection({ caller }: { caller: Caller }) {
  const rule = await load(() => caller.rewards.rule());
  if (!rule.ok) return <Alert>{rule.message}</Alert>;
  const { enabled, basisPoints, kind, startsOn } = rule.data;
  return (
    <>
      <p className="mb-3 text-sm text-slate-600">
        在到期日当天或之前全额付清的分期，按金额的一定比例给客户奖励，可作积分或抵扣以后合同的返利；客户页显示获得与使用情况。
      </p>
      <RewardRuleForm
        initialValues={{
          enabled: enabled ? "on" : "",
          percent: (basisPoints / 100).toFixed(2),
          kind,
          startsOn,
        }}
      />
    </>
  );
}

/** Lists the clients on the blacklist (拒绝合作名单) now, with who decided and why. */
export async function BlacklistSection({ caller }: { caller: Caller }) {
  const entries = await load(() => caller.credit.blacklisted({}));
  if (!entries.ok) return <Alert>{entries.message}</Alert>;
  if (entries.data.length === 0) {
    return <EmptyState title="名单为空">在客户页的“信用状况”中可将恶意拖欠的客户列入拒绝合作名单。</EmptyState>;
  }
  return (
    <Table>
      <thead>
        <tr>
          <Th>客户</Th>
          <Th>原因</Th>
          <Th>列入日期</Th>
          <Th>决定人</Th>
        </tr>
      </thead>
      <tbody>
        {entries.data.map((entry) => (
          <tr key={entry.id}>
            <Td>
              <Link href={`/clients/${entry.clientId}#credit`} className="text-brand-700 hover:underline">
                {entry.clientName}
              </Link>
            </Td>
            <Td>{entry.reason}</Td>
            <Td>{entry.decidedOn}</Td>
            <Td>{entry.decidedByName}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
