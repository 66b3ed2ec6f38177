import Link from "next/link";
import { requirePageUser } from "@/lib/server/auth/page";
import { can } from "@/lib/schemas/roles";
import { notFound } from "next/navigation";
import { db } from "@/lib/server/db/client";
import { getLink, linkNeighbours } from "@/lib/server/duplicates/find-links";
import { compareParts, differenceClass, HighlightedText, type Side } from "@/components/duplicates/highlighted-text";
import { KeepThisCopy, LinkActions, ResolveCluster } from "@/components/duplicates/link-actions";
import { PairNav } from "@/components/duplicates/pair-nav";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { idParam } from "@/lib/schemas/ids";
import { figureLabels } from "@/lib/dedup/across-languages";
import { DUPLICATE_KIND_TEXT, linkState } from "@/lib/schemas/vocabulary";

export const dynamic = "force-dynamic";

export default async function LinkPage({ params }: PageProps<"/duplicates/[id]">) {
  const user = await requirePageUser("read", "/duplicates");
  const canEdit = can(user.role, "triage");
  const id = idParam.safeParse((await params).id);
  const link = id.success ? await getLink(db(), id.data, user.actor) : null;
  if (!link) notFound();
  const state = linkState.parse(link.state);
  const around = await linkNeighbours(db(), link.id, state, user.actor);
  const sides: { a: typeof link.article; ranges: [number, number][]; side: Side }[] = [
    { a: link.article, ranges: link.passages.map((p) => p.a), side: "first" },
    { a: link.other, ranges: link.passages.map((p) => p.b), side: "second" },
  ];
  // Without recorded passages (a link from an older store) nothing is known to differ: mark nothing.
  const compared = link.passages.length > 0;
  const differs = compared && sides.some((s) => compareParts(s.a.bodyText, s.ranges).some((p) => p.differs));
  const canonicalId = link.group?.canonical?.id;
  return (
    <div className="space-y-4">
      <PairNav prev={around.prev} next={around.next} position={around.position} listHref={state === "suggested" ? "/duplicates" : `/duplicates?state=${state}`} />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            <Badge tone="warn">{link.kind}</Badge> {Math.round(link.score * 100)}% <span className="text-sm font-normal text-stone-600 dark:text-stone-400">· {link.state}</span>
          </h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{(DUPLICATE_KIND_TEXT as Record<string, string | undefined>)[link.kind]}</p>
        </div>
        {canEdit && <LinkActions key={link.id} linkId={link.id} state={state} nextOpen={around.nextOpen} />}
      </div>
      <p className="text-sm text-stone-700 dark:text-stone-300" data-testid="compare-legend">
        {link.across ? (
          // Two languages share no passage: what both name and count is the evidence.
          <>
            Written in two languages. Both name {link.across.names.slice(0, 12).join(", ")}
            {link.across.names.length > 12 && ` and ${link.across.names.length - 12} more`}
            {link.across.figures.length > 0 && (
              <> and give the figures {figureLabels(link.across.figures).join(", ")}</>
            )}
            .
          </>
        ) : !compared ? (
          "No shared passages were recorded for this pair: both texts are shown as they are."
        ) : !differs ? (
          "The two texts are the same, word for word."
        ) : (
          <>
            Differences: <del className={differenceClass.first}>only in the first copy</del> and{" "}
            <ins className={differenceClass.second}>only in the second copy</ins>; the text both share is plain.
          </>
        )}
        {link.evidence.sharedTokens !== undefined &&
          ` ${link.evidence.sharedTokens} shared words in ${link.passages.length} passage${link.passages.length === 1 ? "" : "s"}.`}
        {link.evidence.truncated && " Only the start of a long text was compared: marks past it may not be differences."}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {sides.map(({ a, ranges, side }) => (
          <section key={a.id} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" aria-label={a.source?.name ?? "Unknown source"}>
            <h2 className="font-semibold leading-snug"><Link className="hover:underline" href={`/articles/${a.id}`}>{a.headline}</Link></h2>
            <p className="mb-3 mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-600 dark:text-stone-400">
              <span className="font-semibold text-stone-800 dark:text-stone-200">{side === "first" ? "First copy" : "Second copy"}</span>
              <span className="font-medium">{a.source?.name ?? "Unknown source"}</span>
              {a.source?.kind === "aggregator" && <Badge>aggregator</Badge>}
              <TimeAgo iso={(a.firstCreated ?? a.ingestedAt).toISOString()} />
              {canEdit && link.group && <KeepThisCopy articleId={a.id} isCanonical={canonicalId === a.id} />}
              {canEdit && link.kind !== "same-story" && link.kind !== "translation" && link.state !== "dismissed" && <ResolveCluster keep={a.id} />}
            </p>
            <HighlightedText text={a.bodyText} ranges={compared ? ranges : [[0, a.bodyText.length]]} side={side} />
          </section>
        ))}
      </div>
      {link.audit.length > 0 && (
        <section className="text-sm text-stone-600 dark:text-stone-400">
          <h2 className="mb-1 font-semibold">History</h2>
          <ul>{link.audit.map((e) => <li key={e.id}>{e.action} by {e.actor} · <TimeAgo iso={e.at.toISOString()} /></li>)}</ul>
        </section>
      )}
    </div>
  );
}
