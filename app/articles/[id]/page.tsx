import Link from "next/link";
import { requirePageUser } from "@/lib/server/auth/page";
import { can } from "@/lib/schemas/roles";
import { articleAudit } from "@/lib/server/audit-log";
import { Presence } from "@/components/articles/presence";
import { AuditEntryRow } from "@/components/audit/audit-entry";
import { notFound } from "next/navigation";
import { db } from "@/lib/server/db/client";
import { getArticle } from "@/lib/server/articles/get-article";
import { sanitizeBodyHtml } from "@/lib/ingest/sanitize";
import { tagViewsOf } from "@/lib/server/articles/article-preview";
import { TagPanel } from "@/components/tags/tag-panel";
import { StatusActions } from "@/components/articles/status-actions";
import { ArticleFlow } from "@/components/articles/article-flow";
import { workflowStatus } from "@/lib/schemas/vocabulary";
import { Badge, statusTone } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { EvidenceBody, EvidenceProvider } from "@/components/articles/evidence";
import { STORY_KIND_LABEL, storyKind } from "@/lib/schemas/stories";
import { parseId } from "@/lib/schemas/ids";
import { carriedLabels } from "@/lib/server/export/export-articles";
import { languageLabel } from "@/lib/schemas/vocabulary";

export const dynamic = "force-dynamic";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">{title}</h2>
      {children}
    </section>
  );
}

export default async function ArticlePage({ params }: PageProps<"/articles/[id]">) {
  const { id } = await params;
  const user = await requirePageUser("read", `/articles/${id}`);
  const n = parseId(id);
  const a = n ? await getArticle(db(), n, user.actor) : null;
  if (!a) notFound();
  const canEdit = can(user.role, "triage");
  const carried = carriedLabels(a.carriedLabels);
  const audit = await articleAudit(db(), a.id, user.actor);
  const { tags: tagViews, regions } = tagViewsOf(a);
  return (
    <EvidenceProvider>
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <article className="rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
        <ArticleFlow articleId={a.id} />
        <h1 className="text-2xl font-semibold leading-tight">{a.headline}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
          <span className="font-medium text-stone-800 dark:text-stone-200">{a.source?.name ?? "Unknown source"}</span>
          {a.byline && <span>· {a.byline}</span>}
          {a.language && <span data-testid="article-language">· {languageLabel(a.language)}</span>}
          <span>· <TimeAgo iso={(a.firstCreated ?? a.ingestedAt).toISOString()} /></span>
          <Badge tone={statusTone(a.status)}>{a.status}</Badge>
          {a.versions.length > 0 && <Badge>{a.versions.length + 1} versions</Badge>}
        </p>
        <div className="mt-3 space-y-2">
          <Presence articleId={a.id} />
          <StatusActions articleId={a.id} status={workflowStatus.parse(a.status)} version={a.version} canEdit={canEdit} duplicatesHref={`/duplicates/for/${a.id}`} />
        </div>
        {(a.caption || a.credit) && (
          <figure className="mt-4 border-l-4 border-stone-300 pl-3 text-sm italic text-stone-600 dark:border-stone-700 dark:text-stone-400">
            {a.caption && <figcaption>{a.caption}</figcaption>}
            {a.credit && <p className="not-italic text-xs uppercase tracking-wide">Credit: {a.credit}</p>}
          </figure>
        )}
        <EvidenceBody>
        <div className="mt-4 space-y-3 leading-relaxed">
          {a.bodyHtml ? (
            <div className="space-y-3 [&_a]:underline" dangerouslySetInnerHTML={{ __html: sanitizeBodyHtml(a.bodyHtml) }} />
          ) : (
            a.bodyText.split(/\n{2,}/).map((p, i) => (
              <p key={i}>
                {i === 0 && a.dateline && <strong className="font-semibold">{a.dateline} — </strong>}
                {p}
              </p>
            ))
          )}
        </div>
        </EvidenceBody>
        {a.url && (
          <p className="mt-4 text-sm">
            <a className="text-blue-700 underline dark:text-blue-400" href={a.url} rel="noopener noreferrer nofollow">Original</a>
          </p>
        )}
      </article>
      <aside className="space-y-4">
        {a.storyId !== null && (
          <Section title="Story">
            <p className="text-sm">
              {a.storyKind === "first" ? "Ran first in a story" : `A ${STORY_KIND_LABEL[storyKind.catch("copy").parse(a.storyKind)]} in a story`}
              {a.storyReason && <span className="text-stone-600 dark:text-stone-400"> ({a.storyReason})</span>}.{" "}
              <Link className="underline" href={`/stories/${a.storyId}`}>Its timeline and copies</Link>
            </p>
          </Section>
        )}
        <Section title="Tags">
          <TagPanel articleId={a.id} tags={tagViews} regions={regions} canEdit={canEdit} />
          {carried.length > 0 && (
            <p className="mt-3 text-xs text-stone-600 dark:text-stone-400" data-testid="carried-labels">
              Carried by the copy, not in this desk&apos;s taxonomy:{" "}
              {carried.map((c) => c.name ?? c.code).join(", ")}
            </p>
          )}
        </Section>
        {[
          { title: "Duplicates", links: a.links.filter((l) => l.kind !== "same-story"), empty: "No copies found." },
          { title: "Same story", links: a.links.filter((l) => l.kind === "same-story"), empty: "No rewrites found." },
        ].map(({ title, links, empty }) => (
          <Section key={title} title={title}>
            {links.length === 0 ? (
              <p className="text-sm text-stone-600 dark:text-stone-400">{empty}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {links.map((l) => (
                  <li key={l.id}>
                    <Link href={`/duplicates/${l.id}`} className="hover:underline">
                      <Badge tone="warn">{l.kind}</Badge> <span className="text-stone-600 dark:text-stone-400">{Math.round(l.score * 100)}% · {l.state}</span>
                    </Link>
                    <br />
                    <Link className="hover:underline" href={`/articles/${l.other.id}`}>{l.other.headline}</Link>
                    <span className="text-stone-600 dark:text-stone-400"> — {l.other.source?.name ?? "Unknown source"}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        ))}
        <Section title="History">
          <ol className="space-y-1 text-sm">
            {audit.map((e) => (
              <AuditEntryRow key={e.id} e={e} canUndo={canEdit} />
            ))}
            {a.versions.map((v) => (
              <li key={v.id} className="text-stone-600 dark:text-stone-400">
                Version {v.version}: “{v.headline}” ({v.bodyText.length} characters)
              </li>
            ))}
          </ol>
        </Section>
      </aside>
    </div>
    </EvidenceProvider>
  );
}
