import type { Metadata } from "next";
import type { ReactNode } from "react";

import { currentUser } from "../server/context";
import { MainNav } from "./components/main-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "回款管理", template: "%s · 回款管理" },
  description: "广告公司应收账款与回款管理",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Signed out (the sign-in page), there is nothing to navigate to.
  const user = await currentUser();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <div className="flex min-h-screen">
          {user ? <MainNav user={user} /> : null}
          <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
        </div>
      </body>
    </html>
  );
}
