import type { Metadata } from "next";

import { Alert, ButtonLink, Card, EmptyState, PageHeader, Table, Td, Th } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { lookup, param, type SearchParams } from "../../lib/params";
import { serverCaller } from "../../../server/context";
import { DingtalkChannelForm, EmailChannelForm, SendTestButton, StaffEmailForm, WecomChannelForm } from "./forms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "提醒发送渠道" };

const NOTICES: Record<string, string> = {
  "email-saved": "电子邮件设置已保存。可发送测试消息确认能收到。",
  "wecom-saved": "企业微信设置已保存。可发送测试消息确认群里能收到。",
  "dingtalk-saved": "钉钉设置已保存。可发送测试消息确认群里能收到。",
  "staff-email-saved": "业务员邮箱已保存。",
};

export default async function ReminderChannelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const notice = lookup(NOTICES, param(await searchParams, "notice"));
  await requireAccess("notifications.overview");
  const caller = await serverCaller();
  const [overview, staff] = await Promise.all([
    load(() => caller.notifications.overview()),
    load(() => caller.notifications.staffEmails()),
  ]);

  return (
    <>
      <PageHeader
        title="提醒发送渠道"
        subtitle="每日回款提醒通过电子邮件、企业微信群机器人和钉钉群机器人发送；密码、Webhook 地址和密钥保存后不再显示"
        actions={
          <>
            <ButtonLink href="/settings#reminders">提醒规则</ButtonLink>
            <ButtonLink href="/settings/reminders/holidays">节假日与调休</ButtonLink>
            <ButtonLink href="/settings/reminders/log">提醒发送记录</ButtonLink>
          </>
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {overview.ok ? (
        <div className="grid gap-5 xl:grid-cols-2">
          <Card title="电子邮件（SMTP）" actions={<ChannelState enabled={overview.data.channels.email.enabled} />}>
            <EmailChannelForm
              values={{
                emailEnabled: overview.data.channels.email.enabled ? "on" : "",
                emailHost: overview.data.channels.email.host,
                emailPort: String(overview.data.channels.email.port),
                emailTls: overview.data.channels.email.tls ? "on" : "",
                emailUser: overview.data.channels.email.user,
                emailFrom: overview.data.channels.email.from,
                emailFinanceRecipients: overview.data.channels.email.financeRecipients.join(", "),
              }}
              passwordSet={overview.data.channels.email.smtpPasswordSet}
            />
            <div className="no-print mt-4 border-t border-slate-100 pt-4">
              <SendTestButton channel="email" />
            </div>
          </Card>
          <div>
            <Card title="企业微信群机器人" actions={<ChannelState enabled={overview.data.channels.wecom.enabled} />}>
              <WecomChannelForm
                enabled={overview.data.channels.wecom.enabled}
                webhookUrlSet={overview.data.channels.wecom.webhookUrlSet}
              />
              <div className="no-print mt-4 border-t border-slate-100 pt-4">
                <SendTestButton channel="wecom" />
              </div>
            </Card>
            <Card title="钉钉群机器人" actions={<ChannelState enabled={overview.data.channels.dingtalk.enabled} />}>
              <DingtalkChannelForm
                enabled={overview.data.channels.dingtalk.enabled}
                webhookUrlSet={overview.data.channels.dingtalk.webhookUrlSet}
                signingSecretSet={overview.data.channels.dingtalk.signingSecretSet}
              />
              <div className="no-print mt-4 border-t border-slate-100 pt-4">
                <SendTestButton channel="dingtalk" />
              </div>
            </Card>
          </div>
        </div>
      ) : (
        <Alert>{overview.message}</Alert>
      )}
      <Card title="业务员邮箱">
        <div id="staff-emails">
          {!staff.ok ? (
            <Alert>{staff.message}</Alert>
          ) : staff.data.length === 0 ? (
            <EmptyState title="还没有业务员">在系统设置中添加业务员后，可在这里填写接收提醒的邮箱。</EmptyState>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">业务员每天收到自己负责客户的提醒邮件；未填写邮箱的业务员不发邮件，群机器人照常发送。</p>
              <Table>
                <thead>
                  <tr>
                    <Th>业务员</Th>
                    <Th>状态</Th>
                    <Th>提醒邮箱</Th>
                  </tr>
                </thead>
                <tbody>
                  {staff.data.map((person) => (
                    <tr key={person.id}>
                      <Td>{person.name}</Td>
                      <Td>{person.active ? "在职" : <span className="text-slate-400">已停用</span>}</Td>
                      <Td>
                        <StaffEmailForm staffId={person.id} email={person.email} />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </div>
      </Card>
    </>
  );
}

function ChannelState({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">已启用</span>
  ) : (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">未启用</span>
  );
}
