import type { Metadata } from "next";

import { CHANNEL_LABELS, CHANNEL_NAMES, type ChannelName } from "../../../../server/notifications/channels";
import { Alert, ButtonLink, Card, EmptyState, PageHeader, Table, Td, Th } from "../../../components/ui";
import { FILTER_INPUT, FilterField, FilterForm } from "../../../components/filter-form";
import { access } from "../../../lib/auth";
import { load } from "../../../lib/errors";
import { param, type SearchParams } from "../../../lib/params";
import { formatTimestamp } from "../../../lib/timestamp";
import { serverCaller } from "../../../../server/context";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "提醒发送记录" };

const STATUS_LABELS: Record<string, string> = {
  pending: "待发送",
  sent: "已发送",
  failed: "发送失败",
};

export default async function SendLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await access();
  const caller = await serverCaller();
  const filter = { date: param(params, "date") ?? "", channel: param(params, "channel") ?? "", status: param(params, "status") ?? "" };
  const [log, clock] = await Promise.all([
    // The query's values go to the procedure as typed, and it rejects bad ones with a message.
    load(() => caller.notifications.sendLog(filter as Parameters<typeof caller.notifications.sendLog>[0])),
    load(() => caller.settings.clock()),
  ]);
  const timeZone = clock.ok ? clock.data.timeZone : "Asia/Shanghai";

  return (
    <>
      <PageHeader
        title="提醒发送记录"
        subtitle="每条提醒按日期、收件人、渠道和提醒内容只发送一次；发送失败的记录在之后 7 天内的每日运行中自动重试"
        actions={user.can("notifications.overview") ? <ButtonLink href="/settings/reminders">发送渠道</ButtonLink> : undefined}
      />
      <FilterForm resetHref="/settings/reminders/log">
        <FilterField label="提醒日期">
          <input type="date" name="date" defaultValue={filter.date} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="渠道">
          <select name="channel" defaultValue={filter.channel} className={FILTER_INPUT}>
            <option value="">全部渠道</option>
            {CHANNEL_NAMES.map((name) => (
              <option key={name} value={name}>
                {CHANNEL_LABELS[name]}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="状态">
          <select name="status" defaultValue={filter.status} className={FILTER_INPUT}>
            <option value="">全部状态</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FilterField>
      </FilterForm>
      {!log.ok ? (
        <Alert>{log.message}</Alert>
      ) : log.data.length === 0 ? (
        <EmptyState title="没有符合条件的发送记录">
          每日提醒运行后，每封邮件和每条群消息都会记在这里；可在发送渠道页发送测试消息。
        </EmptyState>
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>提醒日期</Th>
                <Th>渠道</Th>
                <Th>收件人</Th>
                <Th>标题</Th>
                <Th>状态</Th>
                <Th numeric>尝试次数</Th>
                <Th>最后更新</Th>
                <Th>错误</Th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((row) => (
                <tr key={row.id}>
                  <Td className="tabular-nums whitespace-nowrap">{row.runDate}</Td>
                  <Td className="whitespace-nowrap">{CHANNEL_LABELS[row.channel as ChannelName] ?? row.channel}</Td>
                  <Td>{row.recipient}</Td>
                  <Td>
                    {row.title}
                    {row.digest.startsWith("test:") ? <span className="ml-1 text-xs text-slate-400">（测试）</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <StatusBadge status={row.status} />
                  </Td>
                  <Td numeric>{row.attempts}</Td>
                  <Td className="tabular-nums whitespace-nowrap">{formatTimestamp(row.sentAt ?? row.updatedAt, timeZone)}</Td>
                  <Td className="max-w-xs text-xs text-red-700">{row.lastError ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="mt-2 text-xs text-slate-500">共 {log.data.length} 条（最多显示最近 500 条）</p>
        </Card>
      )}
    </>
  );
}

function StatusBadge({ status }: { status: string }) {
  const style =
    status === "sent"
      ? "bg-emerald-50 text-emerald-800"
      : status === "failed"
        ? "bg-red-50 text-red-800"
        : "bg-slate-100 text-slate-700";
  return <span className={`rounded px-1.5 py-0.5 text-xs ${style}`}>{STATUS_LABELS[status] ?? status}</span>;
}
