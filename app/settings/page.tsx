import type { Metadata } from "next";

import type { CompanyProfile } from "../../documents/types";
import { serverCaller } from "../../server/context";
import { formatChineseDate } from "../../server/domain/dates";
import { Alert, ButtonLink, Card, EmptyState, PageHeader, Table, Td, Th } from "../components/ui";
import { requireAccess } from "../lib/auth";
import { load } from "../lib/errors";
import { lookup, param, type SearchParams } from "../lib/params";
import { AgingBoundsForm } from "./aging-form";
import { LetterSettingsSection } from "./letter-settings";
import { BlacklistSection, RewardRuleSection } from "./credit-settings";
import { ReminderRulesSection } from "./reminder-rules-section";
import { AddBusinessTypeForm, AddStaffForm, CompanyForm } from "./settings-forms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "系统设置" };

const NOTICES: Record<string, string> = {
  "company-saved": "公司资料已保存，新生成的函件将使用这些资料。",
  "staff-added": "业务员已添加，可在客户资料中选择。",
  "business-type-added": "业务类型已添加，可在录入合同时选择。",
  "aging-saved": "账龄分段已保存，工作台和账龄分析将按新分段统计。",
  "reminder-rules-saved": "提醒规则已保存，下一次每日提醒按新规则发送。",
  "reward-rule-saved": "奖励规则已保存，客户页的奖励将按新规则计算。",
  "wording-saved": "函件措辞已保存，之后出具的函件将使用新措辞。",
  "seal-saved": "公章图片已保存，之后出具的文书将印上公章。",
  "seal-cleared": "公章已移除，之后出具的文书不再印公章。",
};

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const notice = lookup(NOTICES, param(await searchParams, "notice"));
  const user = await requireAccess("settings.saveCompany");
  const caller = await serverCaller();
  const [company, missing, staff, businessTypes, clock] = await Promise.all([
    load(() => caller.settings.company()),
    load(() => caller.settings.missingCompanyFields()),
    load(() => caller.settings.staff()),
    load(() => caller.settings.businessTypes()),
    load(() => caller.settings.clock()),
  ]);
  const agingBounds = await load(() => caller.aging.bounds());

  return (
    <>
      <PageHeader
        title="系统设置"
        subtitle="公司资料、业务员、业务类型与业务日期"
        actions={
          <>
            {user.can("users.list") ? <ButtonLink href="/settings/users">账号与权限</ButtonLink> : null}
            {user.can("collections.addReason") ? <ButtonLink href="/settings/collection-reasons">未付款原因</ButtonLink> : null}
          </>
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="grid gap-5 xl:grid-cols-[3fr_2fr]">
        <Card title="公司资料">
          {company.ok ? <CompanySection profile={company.data} missing={missing.ok ? missing.data : []} /> : <Alert>{company.message}</Alert>}
        </Card>
        <Card title="业务日期与时区">
          {clock.ok ? <ClockSection clock={clock.data} /> : <Alert>{clock.message}</Alert>}
        </Card>
      </div>
      <div className="grid gap-5 xl:grid-cols-2">
        <Card title="业务员">
          {staff.ok ? <StaffSection staff={staff.data} /> : <Alert>{staff.message}</Alert>}
        </Card>
        <Card title="业务类型">
          {businessTypes.ok ? <BusinessTypeSection types={businessTypes.data} /> : <Alert>{businessTypes.message}</Alert>}
        </Card>
      </div>
      <LetterSettingsSection caller={caller} />
      <Card title="账龄分段">
        {agingBounds.ok ? <AgingBoundsForm bounds={agingBounds.data} /> : <Alert>{agingBounds.message}</Alert>}
      </Card>
      <ReminderRulesSection caller={caller} />
      <div id="rewards" className="grid gap-5 xl:grid-cols-2">
        <Card title="按时回款奖励">
          <RewardRuleSection caller={caller} />
        </Card>
        <Card title="拒绝合作名单">
          <BlacklistSection caller={caller} />
        </Card>
      </div>
    </>
  );
}

function CompanySection({ profile, missing }: { profile: CompanyProfile; missing: readonly string[] }) {
  return (
    <>
      <p className="mb-3 text-sm text-slate-600">
        催款函、对账单的抬头、收款账户和落款取自这里；生成函件必须填写公司名称、开户银行和银行账号。
      </p>
      {missing.length > 0 ? (
        <Alert tone="warning">尚未填写：{missing.join("、")}。填写前无法生成催款函。</Alert>
      ) : null}
      <CompanyForm initialValues={{ ...profile }} />
    </>
  );
}

function ClockSection({ clock }: { clock: { timeZone: string; today: string; fixed: boolean } }) {
  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">业务时区</dt>
        <dd className="tabular-nums">{clock.timeZone}</dd>
        <dt className="text-slate-500">今天（业务日期）</dt>
        <dd className="tabular-nums">
          {formatChineseDate(clock.today)}（{clock.today}）
          {clock.fixed ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">已固定</span> : null}
        </dd>
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        “今天”、逾期天数和账龄按业务时区（环境变量 HUIKUAN_TZ）的日历日计算；设置 HUIKUAN_TODAY=YYYY-MM-DD 可把今天固定为某一天，用于演示。
      </p>
    </>
  );
}

function StaffSection({ staff }: { staff: readonly { id: number; name: string; phone: string; active: number }[] }) {
  return (
    <>
      {staff.length === 0 ? (
        <EmptyState title="还没有业务员">添加后可在客户资料中指定负责的业务员，按业务员查看应收。</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>姓名</Th>
              <Th>电话</Th>
              <Th>状态</Th>
            </tr>
          </thead>
          <tbody>
            {staff.map((person) => (
              <tr key={person.id}>
                <Td>{person.name}</Td>
                <Td className="tabular-nums">{person.phone || "—"}</Td>
                <Td>{person.active ? "在职" : <span className="text-slate-400">已停用</span>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="no-print mt-4 border-t border-slate-100 pt-4">
        <AddStaffForm />
      </div>
    </>
  );
}

function BusinessTypeSection({ types }: { types: readonly { id: number; name: string; active: number }[] }) {
  return (
    <>
      {types.length === 0 ? (
        <EmptyState title="还没有业务类型">录入合同前需要至少一个业务类型，如户外广告、新媒体。</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>业务类型</Th>
              <Th>状态</Th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type.id}>
                <Td>{type.name}</Td>
                <Td>{type.active ? "启用" : <span className="text-slate-400">已停用</span>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="no-print mt-4 border-t border-slate-100 pt-4">
        <AddBusinessTypeForm />
      </div>
    </>
  );
}
