import Link from "next/link";
import type { AuditView } from "@/lib/schemas/audit";
import { TimeAgo } from "@/components/ui/time-ago";
import { UndoButton } from "./undo-button";

/** before → after, compactly: only the fields that changed. */
export function changeText(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (typeof b !== "object" || typeof a !== "object") return "";
  // Bookkeeping fields say nothing to a reader of the log.
  const skip = new Set(["version", "contentHash", "uri", "versionCreated"]);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const clip = (t: string) => (t.length > 80 ? `${t.slice(0, 79)}…` : t);
  const show = (v: unknown) => (v === undefined || v === null ? "—" : clip(typeof v === "string" ? v : JSON.stringify(v)));
  return keys.slice(0, 4).map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`).join("; ");
}

export function AuditEntryRow({ e, canUndo, showArticle }: { e: AuditView; canUndo: boolean; showArticle?: boolean }) {
  return (
    <li className="text-sm" data-testid="audit-entry" data-action={e.action}>
      <span className="font-mono text-xs">{e.action}</span> by <span className="font-medium">{e.actor}</span>
      {/* The name is as it was then; the user id says who it was whatever they are called now. */}
      {e.userId !== null && <span className="text-xs text-stone-600 dark:text-stone-400"> (user {e.userId})</span>} · <TimeAgo iso={e.at.toISOString()} />
      {showArticle && e.articleId && (
        <> · <Link className="underline" href={`/articles/${e.articleId}`} title={`article ${e.articleId}`}>{e.headline ?? `article ${e.articleId} (deleted)`}</Link></>
      )}
      {/* The tag by name; its code (what exports and the API use) on hover. */}
      {e.tag && <> · <span className="font-medium" title={e.tag.code} data-testid="audit-tag">{e.tag.name}</span></>}
      <span className="block break-words text-xs text-stone-600 dark:text-stone-400">{changeText(e.before, e.after)}</span>
      {canUndo && e.undoable && <UndoButton auditId={e.id} />}
    </li>
  );
}
