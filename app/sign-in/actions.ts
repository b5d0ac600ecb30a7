"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getAuth } from "../../server/auth";
import { readyDatabase } from "../../server/context";

/** Ends the current session and opens the sign-in page. */
export async function signOut(): Promise<void> {
  const auth = getAuth(await readyDatabase());
  // The nextCookies plugin deletes the session cookie in this response.
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/sign-in");
}
