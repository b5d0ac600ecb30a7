import type { serverCaller } from "../../../server/context";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** The client page's data as of a date, as clients.ledger returns it. */
export type Ledger = Awaited<ReturnType<Caller["clients"]["ledger"]>>;
export type LedgerContract = Ledger["contracts"][number];
export type LedgerPayment = Ledger["payments"][number];
