"use client";

import { Fragment, useState } from "react";
import { useRun } from "@/components/ui/use-run";
import type { z } from "zod";
import { problemMessage, problemSchema } from "@/lib/schemas/problem";
import { readJson } from "@/lib/queries/read-json";
import { WEBHOOK_EVENT_LABEL, deliveryList, deliveryView, webhookCreated, webhookEvents, webhookView, type DeliveryView, type WebhookView } from "@/lib/schemas/webhooks";

/** Calls /api/v1 with the session; a refusal's problem details become the error's message, field by field. */
async function call<S extends z.ZodType>(method: string, url: string, schema: S, body?: unknown): Promise<z.output<S>> {
  const res = await fetch(url, { method, ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }) });
  if (!res.ok) {
    const json: unknown = await res.json().catch(() => undefined);
    const fields = problemSchema.safeParse(json).data?.errors?.map((e) => e.message).join("; ");
    throw new Error(fields || problemMessage(json, `HTTP ${res.status}`));
  }
  return readJson(res, schema);
}

const button = "rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-stone-700 dark:hover:bg-stone-800";
const primary = "rounded bg-stone-900 px-3 py-1.5 text-sm text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-stone-100 dark:text-stone-900";
const field = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950";

const STATUS_STYLE: Record<DeliveryView["status"], string> = {
  delivered: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  failed: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200",
};

function Status({ d }: { d: DeliveryView | null }) {
  if (!d) return <span className="text-stone-500">none yet</span>;
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[d.status]}`}>
      {d.status}
      {d.responseStatus !== null ? ` · HTTP ${d.responseStatus}` : ""}
    </span>
  );
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "-");

function Deliveries({ hook, onMessage }: { hook: WebhookView; onMessage: (m: { text: string; error?: boolean }) => void }) {
  const [rows, setRows] = useState<DeliveryView[] | null>(null);
  const load = async () => {
    try {
      setRows((await call("GET", `/api/v1/webhooks/${hook.id}/deliveries?limit=50`, deliveryList)).deliveries);
    } catch (e) {
      onMessage({ text: (e as Error).message, error: true });
    }
  };
  if (rows === null) {
    return (
      <button className={button} onClick={() => void load()}>
        Show deliveries
      </button>
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <button className={button} onClick={() => void load()}>Refresh</button>
        <button className={button} onClick={() => setRows(null)}>Hide</button>
      </div>
      {rows.length === 0 ? (
        <p className="text-xs text-stone-600 dark:text-stone-400">No deliveries yet.</p>
      ) : (
        <table className="w-full text-xs" aria-label={`Deliveries of ${hook.name}`}>
          <thead className="text-left text-stone-600 dark:text-stone-400">
            <tr><th className="py-1">#</th><th>Event</th><th>Status</th><th>Tries</th><th>Last try</th><th>Next try</th><th>Last answer</th><th><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className="border-t border-stone-200 align-top dark:border-stone-800" data-testid="delivery-row">
                <td className="py-1 font-mono">{d.id}</td>
                <td className="font-mono">{d.event}</td>
                <td><Status d={d} /></td>
                <td>{d.attempts}</td>
                <td>{when(d.lastAttemptAt)}</td>
                <td>{d.status === "pending" ? when(d.nextAttemptAt) : "-"}</td>
                <td className="max-w-xs break-words font-mono text-stone-700 dark:text-stone-300">{d.responseBody ? d.responseBody.slice(0, 300) : "-"}</td>
                <td className="text-right">
                  {d.status !== "pending" && (
                    <button
                      className={button}
                      onClick={() =>
                        void call("POST", `/api/v1/webhooks/${hook.id}/deliveries/${d.id}/redeliver`, deliveryView).then(
                          () => (onMessage({ text: `Delivery ${d.id} is queued again.` }), load()),
                          (e: Error) => onMessage({ text: e.message, error: true }),
                        )
                      }
                    >
                      Send again
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function WebhookAdmin({ hooks, views, privateAllowed }: { hooks: WebhookView[]; views: { id: number; name: string }[]; privateAllowed: boolean }) {
  const { message, setMessage, run } = useRun();
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const view = String(f.get("savedViewId") ?? "");
    await run(async () => {
      const made = await call("POST", "/api/v1/webhooks", webhookCreated, {
        name: f.get("name"),
        url: f.get("url"),
        events: f.getAll("events"),
        savedViewId: view ? Number(view) : null,
        allowPrivate: f.get("allowPrivate") === "on",
      });
      form.reset();
      setSecret({ name: made.name, secret: made.secret });
      return `Webhook “${made.name}” added.`;
    });
  }
  return (
    <div className="space-y-6">
      <form onSubmit={create} aria-label="Add a webhook" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 text-xs font-medium dark:border-stone-800 dark:bg-stone-900">
        <div className="flex flex-wrap items-end gap-2">
          <label>Name <input name="name" required maxLength={100} placeholder="CMS publisher" className={`${field} block`} /></label>
          <label className="min-w-72 flex-1">URL <input name="url" type="url" required placeholder="https://cms.example.org/hooks/wiredesk" className={`${field} block w-full`} /></label>
          <label>Saved view (new stories)
            <select name="savedViewId" defaultValue="" className={`${field} block`}>
              <option value="">every new story</option>
              {views.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>
        </div>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1">Events</legend>
          {webhookEvents.map((ev, i) => (
            <label key={ev} className="flex items-center gap-1 font-normal">
              <input type="checkbox" name="events" value={ev} defaultChecked={i === 0} />
              <span className="font-mono">{ev}</span> <span className="text-stone-600 dark:text-stone-400">{WEBHOOK_EVENT_LABEL[ev]}</span>
            </label>
          ))}
        </fieldset>
        {privateAllowed && (
          <label className="flex items-center gap-1 font-normal">
            <input type="checkbox" name="allowPrivate" /> May send to private and local addresses (an intranet receiver)
          </label>
        )}
        <button className={primary}>Add webhook</button>
      </form>
      {message && <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-rose-700 dark:text-rose-300" : ""}`}>{message.text}</p>}
      {secret && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          <p>
            The signing secret of <strong>{secret.name}</strong>, shown this once: give it to the receiver, which checks each delivery&rsquo;s
            Wiredesk-Signature with it.
          </p>
          <code className="mt-1 block break-all font-mono" data-testid="webhook-secret">{secret.secret}</code>
          <button className={`${button} mt-2`} onClick={() => setSecret(null)}>I have kept it</button>
        </div>
      )}
      {hooks.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">No webhooks yet.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-stone-600 dark:text-stone-400">
            <tr><th className="py-1">Webhook</th><th>Events</th><th>Last delivery</th><th><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {hooks.map((h) => (
              <Fragment key={h.id}>
                <tr className="border-t border-stone-200 align-top dark:border-stone-800" data-testid="webhook-row">
                  <td className="py-2">
                    {h.name} {!h.active && <span className="rounded bg-stone-200 px-1 text-xs dark:bg-stone-700">paused</span>}
                    <div className="break-all font-mono text-xs text-stone-600 dark:text-stone-400">{h.url}</div>
                    {h.allowPrivate && <div className="text-xs text-amber-700 dark:text-amber-300">may send to private addresses</div>}
                  </td>
                  <td className="text-xs">
                    {h.events.map((ev) => <div key={ev} className="font-mono">{ev}{ev === "story.arrived" ? ` (${h.savedView ? h.savedView.name : "every new story"})` : ""}</div>)}
                  </td>
                  <td className="text-xs"><Status d={h.lastDelivery} /></td>
                  <td className="space-x-2 whitespace-nowrap text-right">
                    <button className={button} onClick={() => void run(async () => (await call("PATCH", `/api/v1/webhooks/${h.id}`, webhookView, { active: !h.active }), `“${h.name}” ${h.active ? "paused" : "resumed"}.`))}>
                      {h.active ? "Pause" : "Resume"}
                    </button>
                    <button
                      className={button}
                      aria-label={`Delete ${h.name}`}
                      onClick={() => {
                        if (window.confirm(`Delete the webhook “${h.name}” and its deliveries? Queued ones are not sent.`)) {
                          void run(async () => (await call("DELETE", `/api/v1/webhooks/${h.id}`, webhookView), `“${h.name}” deleted.`));
                        }
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
                <tr>
                  <td colSpan={4} className="pb-3">
                    <Deliveries hook={h} onMessage={setMessage} />
                  </td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
