import Link from "next/link";
import { db } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/page";
import { findAudit } from "@/lib/server/audit-log";
import { listUsers } from "@/lib/server/users";
import { auditFilters } from "@/lib/schemas/users";
import { AuditEntryRow } from "@/components/audit/audit-entry";

export const metadata = { title: "Audit log · Wiredesk" };

const ACTIONS = ["tag.", "tag.accept", "tag.reject", "tag.add", "tag.remove", "article.status", "link.", "group.canonical", "ingest.", "taxonomy.", "user."];

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const user = await requirePageUser("audit", "/audit");
  const raw = await searchParams;
  const parsed = auditFilters.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string" && v !== "")));
  const filters = parsed.success ? parsed.data : {};
  const [log, users] = await Promise.all([findAudit(db(), filters, user.actor), listUsers(db(), user.actor)]);
  const field = "mt-1 block rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950";
  const qs = (extra: Record<string, string | number>) =>
    new URLSearchParams(Object.entries({ ...filters, ...extra }).map(([k, v]) => [k, String(v)])).toString();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Audit log</h1>
      <form className="flex flex-wrap items-end gap-3 text-xs font-medium" aria-label="Filter the audit log">
        <label>User
          <select name="user" defaultValue={filters.user ?? ""} className={field}>
            <option value="">anyone</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
          </select>
        </label>
        <label>Action
          <select name="action" defaultValue={filters.action ?? ""} className={field}>
            <option value="">any</option>
            {ACTIONS.map((a) => <option key={a} value={a}>{a.endsWith(".") ? `${a}*` : a}</option>)}
          </select>
        </label>
        <label>Article
          <input name="article" inputMode="numeric" defaultValue={filters.article ?? ""} className={`${field} w-24`} />
        </label>
        <label>From <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} /></label>
        <label>To <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} /></label>
        <button className="rounded border border-stone-300 px-3 py-1.5 text-sm dark:border-stone-700">Filter</button>
        <Link className="py-1.5 text-sm underline" href="/audit">Clear</Link>
      </form>
      {!parsed.success && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">Filters ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}</p>}
      {log.items.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">Nothing recorded matches.</p>
      ) : (
        <ol className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          {log.items.map((e) => <AuditEntryRow key={e.id} e={e} canUndo showArticle />)}
        </ol>
      )}
      {log.next && <Link className="text-sm underline" href={`/audit?${qs({ before: log.next })}`}>Older entries</Link>}
    </div>
  );
}
