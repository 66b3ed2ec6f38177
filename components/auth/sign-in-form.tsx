"use client";

import { useState } from "react";

/**
 * What to say when sign-in succeeded but the browser did not keep the session
 * cookie (it would land back here with no word): most often a desk set up
 * for https (a Secure cookie) opened over plain http.
 */
export function cookieRefusedMessage(pageProtocol: string, deskUrl: string | undefined): string {
  const base = "You signed in, but this browser did not keep the session cookie, so the desk cannot tell it is you.";
  if (pageProtocol === "http:" && deskUrl?.startsWith("https:")) {
    return `${base} This desk sends its cookie only over https: open it at ${deskUrl}.`;
  }
  if (pageProtocol === "http:") return `${base} Over plain http some browsers refuse it: open the desk over https, or ask an admin to set WIREDESK_URL.`;
  return `${base} Check that this browser allows cookies for this site.`;
}

/** Posts to better-auth's email sign-in; on success goes where the user was headed. */
export function SignInForm({ next, deskUrl }: { next: string; deskUrl?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) {
        // The session must now come back with the cookie; if it does not, the browser dropped it.
        const session = (await fetch("/api/auth/get-session", { cache: "no-store" }).then((r) => (r.ok ? r.json() : null)).catch(() => null)) as { user?: unknown } | null;
        if (!session?.user) {
          setError(cookieRefusedMessage(window.location.protocol, deskUrl));
          return;
        }
        window.location.assign(next);
        return;
      }
      const json = (await res.json().catch(() => ({}))) as { message?: string };
      setError(res.status === 429 ? "Too many attempts: wait a minute and try again." : res.status === 401 ? "Wrong email or password." : (json.message ?? `Could not sign in (HTTP ${res.status}).`));
    } catch {
      setError("Could not reach the desk.");
    } finally {
      setBusy(false);
    }
  }
  const input = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-950";
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Sign in">
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" required className={input} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={input} />
      </label>
      {error && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}</p>}
      <button type="submit" disabled={busy} className="w-full rounded bg-stone-900 px-3 py-2 text-sm font-medium text-white hover:bg-stone-700 disabled:opacity-50 dark:bg-stone-100 dark:text-stone-900">
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
