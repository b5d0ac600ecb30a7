import { notFound, redirect } from "next/navigation";

import { serverCaller } from "../../../server/context";
import { Alert } from "../../components/ui";
import { load } from "../../lib/errors";
import { routeId } from "../../lib/params";

export const dynamic = "force-dynamic";

/** Redirects to the client's page, which is where a contract is shown. */
export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const contractId = routeId((await params).id);
  if (Number.isNaN(contractId)) notFound();

  const caller = await serverCaller();
  const result = await load(() => caller.contracts.get({ contractId }));
  if (!result.ok) return <Alert>{result.message}</Alert>;
  redirect(`/clients/${result.data.clientId}#contract-${contractId}`);
}
