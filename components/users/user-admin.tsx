"use client";

import { useState } from "react";
import { useRun } from "@/components/ui/use-run";
import type { z } from "zod";
import { readJson } from "@/lib/queries/read-json";
import { passwordSet, userChanged, userCreated } from "@/lib/schemas/users";
import { ConfirmDialog as Confirm } from "@/components/ui/confirm-dialog";

type U = { id: number; email: string; name: string; role: string; disabled: boolean };

async function send<S extends z.ZodType>(url: string, schema: S, body: unknown): Promise<z.output<S>> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return readJson(res, schema, `HTTP ${res.status}`);
}

const button = "rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-stone-700 dark:hover:bg-stone-800";
const primary = "rounded bg-stone-900 px-3 py-1.5 text-sm text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-stone-100 dark:text-stone-900";

type Asking = { kind: "role"; user: U; to: string } | { kind: "password"; user: U };

const field = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950";

export function UserAdmin({ users, me }: { users: U[]; me: number }) {
  const { message, run } = useRun();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [newPassword, setNewPassword] = useState("");
  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    await run(async () => {
      const password = String(f.get("password") ?? "");
      const r = await send("/api/users", userCreated, { email: f.get("email"), name: f.get("name"), role: f.get("role"), ...(password ? { password } : {}) });
      form.reset();
      return r.password ? `Created. Their password (shown once): ${r.password}` : "Created.";
    });
  }
  const confirmed = (a: Asking) => {
    if (a.kind === "role") {
      void run(async () => (await send(`/api/users/${a.user.id}`, userChanged, { role: a.to }), `${a.user.name} (${a.user.email}) is now ${a.to}.`));
    } else {
      const chosen = newPassword;
      void run(async () => {
        const r = await send(`/api/users/${a.user.id}/password`, passwordSet, chosen ? { password: chosen } : {});
        return "password" in r
          ? `New password for ${a.user.email} (shown once, give it to them): ${r.password}`
          : `${a.user.email}'s password is changed; their sessions are signed out.`;
      });
    }
  };
  return (
    <div className="space-y-6">
      <form onSubmit={create} aria-label="Create a user" className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-4 text-xs font-medium dark:border-stone-800 dark:bg-stone-900">
        <label>Email <input name="email" type="email" required className={`${field} block`} /></label>
        <label>Name <input name="name" required className={`${field} block`} /></label>
        <label>Role
          <select name="role" aria-label="Role" defaultValue="editor" className={`${field} block`}>
            <option value="viewer">viewer</option><option value="editor">editor</option><option value="admin">admin</option>
          </select>
        </label>
        <label>Password <input name="password" type="password" minLength={10} placeholder="blank: generate one" className={`${field} block`} /></label>
        <button className={primary}>Create user</button>
      </form>
      {message && <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-rose-700 dark:text-rose-300" : ""}`}>{message.text}</p>}
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-stone-600 dark:text-stone-400"><tr><th className="py-1">User</th><th>Role</th><th>Status</th><th><span className="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-stone-200 dark:border-stone-800" data-testid="user-row">
              <td className="py-2">{u.name} <span className="text-stone-600 dark:text-stone-400">{u.email}</span></td>
              <td>
                {/* Nothing is saved on select: the dialog names who changes from what to what, and may be cancelled. */}
                <select aria-label={`Role of ${u.email}`} className={field} value={asking?.kind === "role" && asking.user.id === u.id ? asking.to : u.role} disabled={u.id === me}
                  onChange={(e) => e.target.value !== u.role && setAsking({ kind: "role", user: u, to: e.target.value })}>
                  <option value="viewer">viewer</option><option value="editor">editor</option><option value="admin">admin</option>
                </select>
              </td>
              <td>{u.disabled ? "disabled" : "active"}</td>
              <td className="space-x-2 text-right">
                {/* Names are set here, by an admin (users cannot rename themselves); the store checks them. */}
                <button className={button} aria-label={`Rename ${u.email}`}
                  onClick={() => {
                    const name = window.prompt(`New name for ${u.email} (1-100 characters)`, u.name)?.trim();
                    if (name && name !== u.name) void run(async () => (await send(`/api/users/${u.id}`, userChanged, { name }), `${u.email} is now called ${name}.`));
                  }}>
                  Rename
                </button>
                <button className={button} aria-label={`Reset the password of ${u.email}`}
                  onClick={() => {
                    setNewPassword("");
                    setAsking({ kind: "password", user: u });
                  }}>
                  Reset password
                </button>
                {u.id !== me && (
                  <button className={button}
                    onClick={() => void run(async () => (await send(`/api/users/${u.id}`, userChanged, { disabled: !u.disabled }), `${u.email} ${u.disabled ? "enabled" : "disabled"}.`))}>
                    {u.disabled ? "Enable" : "Disable"}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking?.kind === "role" && (
        <Confirm title="Change role?" confirmLabel={`Make ${asking.to}`} onClose={() => setAsking(null)} onConfirm={() => confirmed(asking)}>
          <p>
            <strong>{asking.user.name}</strong> ({asking.user.email}) is {asking.user.role} now and will be <strong>{asking.to}</strong>.
          </p>
          <p className="text-stone-600 dark:text-stone-400">
            {asking.to === "admin" ? "Admins manage users, sources and the taxonomy, and read the full audit log." : asking.to === "editor" ? "Editors triage: statuses, tags, duplicates and ingest." : "Viewers read the desk and change nothing."}
          </p>
        </Confirm>
      )}
      {asking?.kind === "password" && (
        <Confirm title="Reset password?" confirmLabel="Set password" onClose={() => setAsking(null)} onConfirm={() => confirmed(asking)}>
          <p>
            A new password for <strong>{asking.user.name}</strong> ({asking.user.email}).{asking.user.id === me ? "" : " They are signed out everywhere."}
          </p>
          <label className="block text-xs font-medium">New password
            <input type="password" autoComplete="new-password" minLength={10} value={newPassword} onChange={(e) => setNewPassword(e.target.value)} placeholder="blank: generate one, shown once" className={`${field} mt-1 block w-full`} />
          </label>
        </Confirm>
      )}
    </div>
  );
}
