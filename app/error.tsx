"use client";

import Link from "next/link";
import { useEffect } from "react";

/**
 * Renders the error boundary of every page below the root layout. Users see a
 * plain message, a retry button and the error digest that matches the
 * server log, never the message or stack of the error itself.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div role="alert" className="mx-auto mt-16 max-w-lg rounded-lg border border-red-200 bg-white px-8 py-10 text-center shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">页面出错了</h1>
      <p className="mt-3 text-sm leading-6 text-slate-600">
        加载这个页面时出现了意外错误，已录入的数据不受影响。请点击“重试”；如果问题反复出现，请把下面的错误编号告诉管理员。
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
  );
}
