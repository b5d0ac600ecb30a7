"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

function covers(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * A navigation entry that marks itself current for its pages: the entry
 * whose href is the longest prefix of the path among `siblings`, so
 * /payments/new marks 登记回款 and /payments/12 marks 回款记录.
 */
export function NavLink({ href, siblings, children }: { href: string; siblings: readonly string[]; children: ReactNode }) {
  const pathname = usePathname();
  const best = siblings.filter((other) => covers(other, pathname)).sort((a, b) => b.length - a.length)[0];
  const active = best === href;

  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`block rounded-md px-3 py-2 text-sm ${
        active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"
      }`}
    >
      {children}
    </Link>
  );
}
