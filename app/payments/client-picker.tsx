"use client";

import type { ChangeEvent } from "react";

import { FILTER_INPUT } from "../components/filter-form";

/**
 * Step 1 of recording a payment: a GET form that reloads the page with
 * ?clientId= so the contract list matches the client. Without JavaScript
 * the button submits it; with JavaScript a change of the select does.
 */
export function ClientPicker({
  clients,
  selectedId,
}: {
  clients: readonly { id: number; name: string }[];
  selectedId: string;
}) {
  function submitOnChange(event: ChangeEvent<HTMLSelectElement>) {
    if (event.target.value) event.target.form?.requestSubmit();
  }

  return (
    <form method="get" action="/payments/new" className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-72 flex-col text-sm font-medium text-slate-700">
        客户
        <select
          name="clientId"
          defaultValue={selectedId}
          onChange={submitOnChange}
          className={`${FILTER_INPUT} mt-1`}
          required
        >
          <option value="">请选择付款客户…</option>
          {clients.map((client) => (
            <option key={client.id} value={String(client.id)}>
              {client.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        选择客户
      </button>
    </form>
  );
}
