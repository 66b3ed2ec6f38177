"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { tokenCreate, tokenScopes, type TokenScope, type TokenView } from "@/lib/schemas/tokens";
import { createToken, revokeToken, tokenKeys, tokenQueries } from "@/lib/queries/tokens";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

const button = "rounded border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800";
const primary = "rounded bg-stone-900 px-3 py-1.5 text-sm text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:bg-stone-100 dark:text-stone-900";
const field = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950";
const muted = "text-stone-600 dark:text-stone-400";

/** What each scope lets a token do (lib/server/auth/tokens.ts maps route permissions to scopes). */
const SCOPE_HELP: Record<TokenScope, string> = {
  read: "read stories, articles, tags, duplicates and sources",
  triage: "review and spike, accept and reject tags, confirm and dismiss duplicates",
  ingest: "send copy in: files, URLs and ninjs",
  admin: "the newsroom's set-up: sources, taxonomy, the audit log",
};

/** The new token, shown this once, with a copy button. */
function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const id = useId();
  useEffect(() => {
    // Keyboard and screen-reader users land on the token, with the warning read as its description.
    input.current?.focus();
    input.current?.select();
  }, [token]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      // No clipboard API (a plain-http address): select it for Ctrl+C instead.
      input.current?.select();
      setCopied(document.execCommand?.("copy") ? "yes" : "no");
    }
  }
  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm shadow-sm dark:border-amber-700 dark:bg-amber-950" data-testid="new-token">
      <h2 id={`${id}-h`} className="font-semibold">The token for “{name}”</h2>
      <p id={`${id}-note`} className="mt-1">
        <strong>Copy it now: you will not see it again.</strong> The desk keeps only its hash. If it is lost, revoke it and make another.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-token`} className="sr-only">API token for {name}</label>
        <input
          ref={input}
          id={`${id}-token`}
          readOnly
          value={token}
          aria-describedby={`${id}-note`}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className={`${field} min-w-0 flex-1 font-mono text-xs`}
        />
        <button type="button" className={primary} onClick={() => void copy()}>Copy token</button>
        <button type="button" className={button} onClick={onDone}>Done</button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-xs">
        {copied === "yes" ? "Copied to the clipboard." : copied === "no" ? "Could not copy: the token is selected, press Ctrl+C (⌘C) to copy it." : ""}
      </p>
    </section>
  );
}

function CreateForm({ onCreated }: { onCreated: (t: { name: string; token: string }) => void }) {
  const qc = useQueryClient();
  const [invalid, setInvalid] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: createToken,
    onSuccess: (t) => {
      onCreated(t);
      void qc.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });
  const error = invalid ?? (m.isError ? m.error.message : null);
  return (
    <form
      aria-labelledby="create-token-heading"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        // The schema the server reads the body with, so both refuse the same things.
        const input = tokenCreate.safeParse({ name: String(f.get("name") ?? ""), scopes: f.getAll("scopes").map(String) });
        if (!input.success) {
          setInvalid(input.error.issues.map((i) => i.message).join("; "));
          return;
        }
        setInvalid(null);
        m.mutate(input.data, { onSuccess: () => form.reset() });
      }}
    >
      <h2 id="create-token-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Make a token</h2>
      <label className="block text-xs font-medium">
        Name <span className={`font-normal ${muted}`}>(the system that will use it; the audit log shows its writes as token:name)</span>
        <input name="name" required maxLength={100} autoComplete="off" placeholder="CMS publisher" className={`${field} mt-1 block w-full max-w-sm`} />
      </label>
      <fieldset>
        <legend className="text-xs font-medium">Scopes <span className={`font-normal ${muted}`}>(each covers only its own operations: a client that reads and triages needs both)</span></legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {tokenScopes.map((s) => (
            <label key={s} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={s} defaultChecked={s === "read"} className="mt-1" />
              <span>
                <span className="font-medium">{s}</span> <span className={`text-xs ${muted}`}>{SCOPE_HELP[s]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button className={primary} disabled={m.isPending}>{m.isPending ? "Making…" : "Create token"}</button>
        {error && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}</p>}
      </div>
    </form>
  );
}

function Row({ t, onRevoke }: { t: TokenView; onRevoke: (t: TokenView) => void }) {
  const revoked = t.revokedAt !== null;
  return (
    <tr className={`border-t border-stone-200 align-top dark:border-stone-800 ${revoked ? muted : ""}`} data-testid="token-row">
      <th scope="row" className="px-3 py-2 text-left text-sm font-medium">{t.name}</th>
      <td className="px-3 py-2 font-mono text-xs">{t.prefix}…</td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1">
          {t.scopes.map((s) => (
            <Badge key={s} tone={s === "admin" ? "warn" : "neutral"}>{s}</Badge>
          ))}
        </div>
      </td>
      <td className="px-3 py-2 text-sm">
        <TimeAgo iso={t.createdAt} />
        <div className={`text-xs ${muted}`}>by {t.createdBy}</div>
      </td>
      <td className="px-3 py-2 text-sm">{t.lastUsedAt ? <TimeAgo iso={t.lastUsedAt} /> : <span className={muted}>never</span>}</td>
      <td className="px-3 py-2 text-right text-sm tabular-nums">{t.uses}</td>
      <td className="px-3 py-2 text-right">
        {revoked ? (
          <Badge tone="spiked">revoked <TimeAgo iso={t.revokedAt!} /></Badge>
        ) : (
          <button className={`${button} text-rose-800 dark:text-rose-300`} aria-label={`Revoke ${t.name}`} onClick={() => onRevoke(t)}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

export function TokenAdmin() {
  const qc = useQueryClient();
  const list = useQuery(tokenQueries.list());
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [asking, setAsking] = useState<TokenView | null>(null);
  const revoke = useMutation({
    mutationFn: (t: TokenView) => revokeToken(t.id),
    onSettled: () => void qc.invalidateQueries({ queryKey: tokenKeys.all }),
  });
  const tokens = list.data ?? [];
  const live = tokens.filter((t) => !t.revokedAt).length;
  return (
    <div className="space-y-6">
      <CreateForm onCreated={setCreated} />
      {created && <NewToken name={created.name} token={created.token} onDone={() => setCreated(null)} />}
      <section aria-labelledby="tokens-heading" className="rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <div className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
          <h2 id="tokens-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
            Tokens ({live} active{tokens.length > live ? `, ${tokens.length - live} revoked` : ""})
          </h2>
          <Link href="/api-docs" className="text-sm underline decoration-stone-400 underline-offset-2 hover:decoration-stone-900 dark:hover:decoration-stone-100">What a token can call: the API reference</Link>
        </div>
        {list.isError && <p role="alert" className="px-3 pb-3 text-sm text-rose-700 dark:text-rose-300">{list.error.message}</p>}
        {revoke.isError && <p role="alert" className="px-3 pb-3 text-sm text-rose-700 dark:text-rose-300">{revoke.error.message}</p>}
        {revoke.isSuccess && <p role="status" className="px-3 pb-3 text-sm">“{revoke.data.name}” is revoked: it stopped working at once.</p>}
        {tokens.length === 0 && !list.isPending ? (
          <p className={`border-t border-stone-200 px-3 py-6 text-center text-sm dark:border-stone-800 ${muted}`}>
            No tokens yet. Make one per system that calls the API (the CMS, a chat bot, a script), so each can be revoked alone.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">API tokens</caption>
              <thead className="text-xs uppercase tracking-wide text-stone-600 dark:text-stone-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Name</th>
                  <th scope="col" className="px-3 py-2 font-medium">Token</th>
                  <th scope="col" className="px-3 py-2 font-medium">Scopes</th>
                  <th scope="col" className="px-3 py-2 font-medium">Made</th>
                  <th scope="col" className="px-3 py-2 font-medium">Last used</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Uses</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium"><span className="sr-only">Status and actions</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <Row key={t.id} t={t} onRevoke={setAsking} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {asking && (
        <ConfirmDialog title="Revoke this token?" confirmLabel="Revoke token" tone="danger" onClose={() => setAsking(null)} onConfirm={() => revoke.mutate(asking)}>
          <p>
            <strong>{asking.name}</strong> ({asking.prefix}…, {asking.scopes.join(", ")}) stops working at once: every call it makes from now on is refused.
          </p>
          <p className={muted}>This cannot be undone; the system using it will need a new token.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
