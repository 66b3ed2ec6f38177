import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/server/auth/page";
import { can } from "@/lib/schemas/roles";
import { db } from "@/lib/server/db/client";
import { getStory, StoryNotFoundError } from "@/lib/server/stories/get-story";
import { parseId } from "@/lib/schemas/ids";
import { STORY_KIND_LABEL, type VersionChange } from "@/lib/schemas/stories";
import { workflowStatus } from "@/lib/schemas/vocabulary";
import { Badge, statusTone } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { CopyControls, StoryStatus } from "@/components/stories/story-actions";

export const dynamic = "force-dynamic";

/** A change as it reads: shared text grey and cut short, added words marked, removed words struck through. */
function Change({ c }: { c: VersionChange }) {
  return (
    <p className="whitespace-pre-wrap text-sm leading-relaxed" data-testid="version-change">
      {c.parts.map((p, i) =>
        p.op === "added" ? (
          <ins key={i} className="rounded bg-emerald-100 px-0.5 font-medium text-emerald-950 no-underline dark:bg-emerald-900 dark:text-emerald-50">{p.text}</ins>
        ) : p.op === "removed" ? (
          <del key={i} className="rounded bg-rose-100 px-0.5 text-rose-900 dark:bg-rose-950 dark:text-rose-200">{p.text}</del>
        ) : (
          <span key={i} className="text-stone-500 dark:text-stone-400">{p.text}</span>
        ),
      )}
    </p>
  );
}

export default async function StoryPage({ params }: PageProps<"/stories/[id]">) {
  const { id } = await params;
  const user = await requirePageUser("read", `/stories/${id}`);
  const n = parseId(id);
  if (n === null) notFound();
  const s = await getStory(db(), n, user.actor).catch((e) => {
    if (e instanceof StoryNotFoundError) notFound();
    throw e;
  });
  const canEdit = can(user.role, "triage");
  const lead = s.members.find((m) => m.id === s.leadId)!;
  const changeTo = new Map(s.changes.map((c) => [c.to, c]));
  const byId = new Map(s.members.map((m) => [m.id, m]));
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
        <p className="mb-2 text-sm">
          <Link href="/" className="text-stone-600 hover:underline dark:text-stone-400">← Queue</Link>
        </p>
        <p className="text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Story</p>
        <h1 className="text-2xl font-semibold leading-tight">{s.headline}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
          <span>{s.copies} copies from {s.sources} source{s.sources === 1 ? "" : "s"}</span>
          <span>· first seen <TimeAgo iso={s.firstSeenAt} /></span>
          <span>· updated <TimeAgo iso={s.lastUpdatedAt} /></span>
          <Badge tone={statusTone(lead.status)}>{lead.status}</Badge>
        </p>
        {canEdit && (
          <div className="mt-3">
            <StoryStatus leadId={lead.id} version={lead.version} status={workflowStatus.parse(lead.status)} />
          </div>
        )}
      </header>
      <section aria-labelledby="timeline" className="rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="timeline" className="mb-3 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Timeline</h2>
        <ol className="relative space-y-5 border-l-2 border-stone-200 pl-5 dark:border-stone-700">
          {s.members.map((m) => {
            const change = changeTo.get(m.id);
            return (
              <li key={m.id} data-testid="timeline-entry" data-kind={m.kind} data-status={m.status}>
                <span aria-hidden className="absolute -left-[7px] mt-1.5 size-3 rounded-full bg-stone-400 dark:bg-stone-500" />
                <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600 dark:text-stone-400">
                  <time dateTime={m.publishedAt}>{new Date(m.publishedAt).toUTCString().replace(":00 GMT", " UTC")}</time>
                  <Badge tone={m.id === s.firstId ? "topic" : m.kind === "copy" ? "neutral" : "warn"}>
                    {m.id === s.firstId ? "ran it first" : STORY_KIND_LABEL[m.kind]}
                  </Badge>
                  {m.lead && <Badge>newest version</Badge>}
                  {m.status !== "new" && <Badge tone={statusTone(m.status)}>{m.status}</Badge>}
                  {m.pinned && <span title="An editor placed it; new copy never moves it">placed by an editor</span>}
                </p>
                <p className="mt-1">
                  <Link href={`/articles/${m.id}`} className="font-medium hover:underline">{m.headline}</Link>
                  <span className="text-sm text-stone-600 dark:text-stone-400"> — {m.source ?? "Unknown source"}</span>
                </p>
                {m.reason && m.id !== s.firstId && <p className="text-xs text-stone-600 dark:text-stone-400">{m.reason}</p>}
                {canEdit && (
                  <div className="mt-1">
                    <CopyControls id={m.id} version={m.version} status={workflowStatus.parse(m.status)} headline={m.headline} canMoveOut={s.members.length > 1} />
                  </div>
                )}
                {change && (
                  <div className="mt-2 rounded border border-stone-200 p-3 dark:border-stone-700">
                    <p className="mb-1 text-xs font-medium text-stone-600 dark:text-stone-400">
                      What changed from {byId.get(change.from)?.source ?? "the version"} before it: {change.added} word{change.added === 1 ? "" : "s"} added, {change.removed} removed
                    </p>
                    <Change c={change} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
