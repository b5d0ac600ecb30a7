"use client";

import Link from "next/link";

import "./globals.css";

/**
 * Renders the error page for failures of the root layout itself, in place of the whole document,
 * so it brings its own <html> and <body>. Like app/error.tsx it shows no
 * error details, only the digest that matches the server log.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <title>出错了 · 回款管理</title>
        <div role="alert" className="mx-auto mt-24 max-w-lg rounded-lg border border-red-200 bg-white px-8 py-10 text-center shadow-sm">
          <p className="text-sm font-semibold text-brand-900">回款管理</p>
          <h1 className="mt-2 text-xl font-semibold text-slate-900">系统出错了</h1>
          <p className="mt-3 text-sm leading-6 text-slate-600">
            系统暂时无法显示页面，已录入的数据不受影响。请点击“重试”或稍后刷新；如果问题反复出现，请把下面的错误编号告诉管理员。
          </p>
          {digest ? <p className="mt-2 text-xs text-slate-400">错误编号：{digest}</p> : null}
          <div className="mt-6 flex justify-center gap-3">
            <button
              type="button"
              onClick={() => retry()}
              className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
            >
              重试
            </button>
            <Link
              href="/"
              className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
            >
              返回工作台
            </Link>
          </div>
        </div>
      </body>
    </html>
  );
}
