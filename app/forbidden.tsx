import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "没有权限" };

/**
 * Renders the 403 page, shown when the signed-in user's role may not open a
 * page or call what it needs (forbidden() in app/lib).
 */
export default function Forbidden() {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-lg rounded-lg border border-amber-200 bg-white px-8 py-10 text-center shadow-sm">
      <p className="text-sm font-semibold tracking-widest text-slate-400">403</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">您没有权限访问此页面</h1>
      <p className="mt-3 text-sm leading-6 text-slate-600">
        您的账号角色不能使用这个功能。如果工作需要，请联系管理员调整您的角色。
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <Link href="/" className="inline-flex items-center rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          返回工作台
        </Link>
      </div>
    </div>
  );
}
