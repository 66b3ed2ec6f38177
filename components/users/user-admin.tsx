"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type U = { id: number; email: string; name: string; role: string; disabled: boolean };

async function send(url: string, body: unknown) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => ({}))) as { error?: string; password?: string };
  if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

const field = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950";

export function UserAdmin({ users, me }: { users: U[]; me: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const run = async (f: () => Promise<string>) => {
    try {
      setMessage({ text: await f() });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
    router.refresh();
  };
  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    await run(async () => {
      const password = String(f.get("password") ?? "");
      const r = await send("/api/users", { email: f.get("email"), name: f.get("name"), role: f.get("role"), ...(password ? { password } : {}) });
      form.reset();
      return r.password ? `Created. Their password (shown once): ${r.password}` : "Created.";
    });
  }
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
        <button className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white dark:bg-stone-100 dark:text-stone-900">Create user</button>
      </form>
      {message && <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-rose-700 dark:text-rose-300" : ""}`}>{message.text}</p>}
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-stone-500"><tr><th className="py-1">User</th><th>Role</th><th>Status</th><th /></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-stone-200 dark:border-stone-800" data-testid="user-row">
              <td className="py-2">{u.name} <span className="text-stone-500">{u.email}</span></td>
              <td>
                <select aria-label={`Role of ${u.email}`} className={field} defaultValue={u.role} disabled={u.id === me}
                  onChange={(e) => void run(async () => (await send(`/api/users/${u.id}`, { role: e.target.value }), `${u.email} is now ${e.target.value}.`))}>
                  <option value="viewer">viewer</option><option value="editor">editor</option><option value="admin">admin</option>
                </select>
              </td>
              <td>{u.disabled ? "disabled" : "active"}</td>
              <td className="space-x-2 text-right">
                {/* Names are set here, by an admin (users cannot rename themselves); the store checks them. */}
                <button className="rounded border border-stone-300 px-2 py-1 text-xs dark:border-stone-700" aria-label={`Rename ${u.email}`}
                  onClick={() => {
                    const name = window.prompt(`New name for ${u.email} (1-100 characters)`, u.name)?.trim();
                    if (name && name !== u.name) void run(async () => (await send(`/api/users/${u.id}`, { name }), `${u.email} is now called ${name}.`));
                  }}>
                  Rename
                </button>
                {u.id !== me && (
                  <button className="rounded border border-stone-300 px-2 py-1 text-xs dark:border-stone-700"
                    onClick={() => void run(async () => (await send(`/api/users/${u.id}`, { disabled: !u.disabled }), `${u.email} ${u.disabled ? "enabled" : "disabled"}.`))}>
                    {u.disabled ? "Enable" : "Disable"}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
