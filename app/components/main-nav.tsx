import Link from "next/link";

import { NavLink } from "./nav-link";

const SECTIONS = [
  { href: "/", label: "工作台" },
  { href: "/reminders", label: "到期提醒" },
  { href: "/clients", label: "客户" },
  { href: "/payments/new", label: "登记回款" },
  { href: "/reports/summary", label: "回款统计" },
  { href: "/settings", label: "系统设置" },
];

export function MainNav() {
  return (
    <nav className="no-print w-52 shrink-0 border-r border-slate-200 bg-white">
      <Link href="/" className="block border-b border-slate-200 px-5 py-4">
        <span className="text-lg font-semibold tracking-wide text-brand-900">回款管理</span>
        <span className="mt-0.5 block text-xs text-slate-500">应收账款 · 催收 · 对账</span>
      </Link>
      <ul className="px-3 py-3">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <NavLink href={section.href}>{section.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
