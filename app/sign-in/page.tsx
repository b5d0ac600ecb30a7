import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { currentUser } from "../../server/context";
import { afterSignIn } from "../../server/sign-in-path";
import { param, type SearchParams } from "../lib/params";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "登录" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const next = afterSignIn(param(await searchParams, "next"));
  if (await currentUser()) redirect(next);

  return (
    <div className="mx-auto mt-20 max-w-sm">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold tracking-wide text-brand-900">回款管理</h1>
        <p className="mt-1 text-sm text-slate-500">请使用公司分配的账号登录</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white px-6 py-6 shadow-sm">
        <noscript>
          <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            登录需要浏览器启用 JavaScript，请启用后刷新本页。
          </p>
        </noscript>
        <SignInForm next={next} />
      </div>
      <p className="mt-4 text-center text-xs text-slate-500">忘记密码或账号被停用时，请联系管理员。</p>
    </div>
  );
}
