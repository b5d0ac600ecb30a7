"use client";

import { type FormEvent, useState } from "react";

import { Alert } from "../components/ui";
import { authClient } from "./auth-client";

interface SignInError {
  status: number;
  code?: string;
}

/**
 * The message for a failed sign-in. Unknown users, wrong passwords and
 * malformed usernames get the same one, so the form does not tell which
 * usernames exist.
 */
function signInMessage(error: SignInError): string {
  if (error.status === 401 || error.status === 422 || error.status === 400) return "用户名或密码错误";
  if (error.code === "BANNED_USER") return "该账号已停用，请联系管理员";
  if (error.status === 429) return "登录尝试次数过多，请等几分钟再试";
  if (error.status === 403) return "登录请求被拒绝，请刷新页面后重试";
  return "登录失败，请稍后重试；如果持续出现，请联系管理员";
}

/** Username or e-mail and password; on success opens `next`. */
export function SignInForm({ next }: { next: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const identifier = String(data.get("identifier") ?? "").trim();
    const password = String(data.get("password") ?? "");
    if (!identifier || !password) {
      setMessage("请填写用户名（或邮箱）和密码");
      return;
    }

    setPending(true);
    setMessage(null);
    const result = identifier.includes("@")
      ? await authClient.signIn.email({ email: identifier, password })
      : await authClient.signIn.username({ username: identifier, password });
    if (result.error) {
      setMessage(signInMessage(result.error));
      const passwordInput = form.elements.namedItem("password");
      if (passwordInput instanceof HTMLInputElement) passwordInput.value = "";
      setPending(false);
      return;
    }
    // A full page load, so the layout shows the signed-in user's navigation.
    window.location.assign(next);
  }

  const input =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";
  return (
    // method="post" keeps the password out of the address bar if the script never loads.
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      {message ? <Alert>{message}</Alert> : null}
      <div>
        <label htmlFor="identifier" className="block text-sm font-medium text-slate-700">
          用户名或邮箱
        </label>
        <input id="identifier" name="identifier" type="text" autoComplete="username" autoFocus required className={input} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          密码
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={input} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
