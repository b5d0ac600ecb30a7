import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "页面不存在" };

const LINKS = [
  { href: "/", label: "返回工作台" },
  { href: "/clients", label: "客户列表" },
  { href: "/reminders", label: "到期提醒" },
];

/** Renders the 404 page for unknown addresses and records that do not exist. */
export default function NotFound() {
  return (
    <div className="mx-auto mt-16 max-w-lg rounded-lg border border-slate-200 bg-white px-8 py-10 text-center shadow-sm">
      <p className="text-sm font-semibold tracking-widest text-slate-400">404</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">页面不存在</h1>
      <p className="mt-3 text-sm leading-6 text-slate-600">
        您要打开的页面或记录不存在：链接可能有误，或记录编号不正确。请从下面的入口重新查找。
      </p>
      <ul className="mt-6 flex flex-wrap justify-center gap-3">
        {LINKS.map((link, index) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className={`inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium ${
                index === 0
                  ? "bg-brand-600 text-white hover:bg-brand-700"
                  : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
              }`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
