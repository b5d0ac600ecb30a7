import Link from "next/link";

import { canCall, ROLE_LABELS } from "../../server/permissions";
import type { SessionUser } from "../../server/session";
import { signOut } from "../sign-in/actions";
import { NavLink } from "./nav-link";

/** Entries of the navigation, each shown to the roles that may call `procedure`. */
const SECTIONS = [
  { href: "/", label: "工作台", procedure: "reports.dashboard" },
  { href: "/worklist", label: "今日待办", procedure: "collections.worklist" },
  { href: "/reminders", label: "到期提醒", procedure: "reports.reminders" },
  { href: "/clients", label: "客户", procedure: "clients.listWithBalances" },
  { href: "/payments/new", label: "登记回款", procedure: "payments.record" },
  { href: "/reports/summary", label: "回款统计", procedure: "reports.summary" },
  { href: "/reports/value", label: "客户价值", procedure: "value.ranking" },
  { href: "/reports/trend", label: "经营趋势", procedure: "trend.report" },
  { href: "/reports/aging", label: "账龄分析", procedure: "aging.report" },
  { href: "/reports/speed", label: "回款速度排名", procedure: "speed.ranking" },
  { href: "/reports/cash-flow", label: "成本与现金流", procedure: "costs.cashFlow" },
  { href: "/costs", label: "运营成本", procedure: "costs.list" },
  { href: "/payments", label: "回款记录", procedure: "payments.list" },
  { href: "/documents", label: "文书登记", procedure: "documents.list" },
  { href: "/audit", label: "操作日志", procedure: "audit.list" },
  { href: "/settings/reminders/log", label: "提醒发送记录", procedure: "notifications.sendLog" },
  { href: "/import", label: "导入", procedure: "imports.confirm" },
  { href: "/settings", label: "系统设置", procedure: "settings.saveCompany" },
];

export function MainNav({ user }: { user: SessionUser }) {
  const sections = SECTIONS.filter((section) => canCall(user.role, section.procedure));
  return (
    <nav className="no-print flex w-52 shrink-0 flex-col border-r border-slate-200 bg-white">
      <Link href="/" className="block border-b border-slate-200 px-5 py-4">
        <span className="text-lg font-semibold tracking-wide text-brand-900">回款管理</span>
        <span className="mt-0.5 block text-xs text-slate-500">应收账款 · 催收 · 对账</span>
      </Link>
      <ul className="flex-1 px-3 py-3">
        {sections.map((section) => (
          <li key={section.href}>
            <NavLink href={section.href} siblings={sections.map((entry) => entry.href)}>
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-200 px-5 py-3 text-sm" aria-label="当前用户">
        <div className="font-medium text-slate-900">{user.name}</div>
        <div className="text-xs text-slate-500">{ROLE_LABELS[user.role]}</div>
        <form action={signOut} className="mt-2">
          <button type="submit" className="text-sm text-brand-700 hover:underline">
            退出登录
          </button>
        </form>
      </div>
    </nav>
  );
}
