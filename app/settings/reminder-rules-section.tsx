import type { serverCaller } from "../../server/context";
import { fenToInput } from "../../server/domain/money";
import { Alert, ButtonLink, Card } from "../components/ui";
import { load } from "../lib/errors";
import { ReminderRulesForm } from "./reminders/forms";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** Renders the 回款提醒 card of the settings page: the rules, and links to channels, calendar and send log. */
export async function ReminderRulesSection({ caller }: { caller: Caller }) {
  const overview = await load(() => caller.notifications.overview());
  if (!overview.ok) {
    return (
      <Card title="回款提醒">
        <Alert>{overview.message}</Alert>
      </Card>
    );
  }
  const { rules, timeZone, job } = overview.data;
  const values = {
    enabled: rules.enabled ? "on" : "",
    daysBefore: String(rules.daysBefore),
    onDueDate: rules.onDueDate ? "on" : "",
    overdueEveryDays: String(rules.overdueEveryDays),
    minAmount: fenToInput(rules.minAmount),
    sendAt: rules.sendAt,
    skipNonWorkingDays: rules.skipNonWorkingDays ? "on" : "",
  };
  return (
    <Card title="回款提醒">
      <p id="reminders" className="mb-3 text-sm text-slate-600">
        每天 {rules.sendAt}（{timeZone}）给每位业务员发送其客户的到期与逾期分期，并给财务发送全部客户的汇总；有争议的分期不提醒。
        {job.lastRunDate ? `上次运行：${job.lastRunDate}。` : "尚未运行过。"}
      </p>
      <ReminderRulesForm values={values} />
      <div className="no-print mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        <ButtonLink href="/settings/reminders">发送渠道与业务员邮箱</ButtonLink>
        <ButtonLink href="/settings/reminders/holidays">节假日与调休</ButtonLink>
        <ButtonLink href="/settings/reminders/log">提醒发送记录</ButtonLink>
      </div>
    </Card>
  );
}
