import type { serverCaller } from "../../server/context";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** Ids of the clients with an installment disputed on `asOf`, within the caller's scope. */
export async function disputedClientIds(caller: Caller, asOf: string): Promise<Set<number>> {
  const disputes = await caller.collections.disputes({ asOf, openOnly: true });
  return new Set(disputes.map((dispute) => dispute.clientId));
}

/** Renders the 有争议 tag of a client with an installment under dispute, which letters and reminders leave out. */
export function DisputedTag() {
  return (
    <span
      className="ml-1 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-amber-800 ring-1 ring-amber-300"
      title="有分期存在未解决的争议，不进入催款函和自动提醒"
    >
      有争议
    </span>
  );
}
