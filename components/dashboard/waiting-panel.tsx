// What is waiting for an editor now: each figure links to where the work is done.
import Link from "next/link";
import type { Waiting } from "@/lib/schemas/dashboard";

const card = "rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";
const link =
  "text-sm font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-300";

export function WaitingPanel({ waiting }: { waiting: Waiting }) {
  const most = Math.max(1, ...waiting.newByAge.map((b) => b.count));
  const links = waiting.openLinks.copies + waiting.openLinks.sameStory;
  return (
    <section aria-labelledby="waiting-h" className="grid gap-3 md:grid-cols-[2fr_1fr_1fr]">
      <h2 id="waiting-h" className="sr-only">Waiting now</h2>
      <div className={card}>
        <div className="flex items-baseline justify-between gap-2">
          <h3 className="text-sm font-semibold">New, not yet reviewed</h3>
          <Link href="/?status=new" className={link} aria-label={`${waiting.newTotal} new articles in the queue: open them`}>
            {waiting.newTotal} in the queue
          </Link>
        </div>
        {/* How long the new articles have waited, as bars: the long waits are the ones to clear. */}
        <ul aria-label="New articles by how long they have waited" className="mt-2 space-y-1">
          {waiting.newByAge.map((b) => (
            <li key={b.key} className="grid grid-cols-[6.5rem_1fr_2.5rem] items-center gap-2 text-xs">
              <span className="text-stone-600 dark:text-stone-400">{b.label}</span>
              <span aria-hidden="true" className="h-3 rounded-sm bg-stone-100 dark:bg-stone-800">
                <span
                  className={`block h-3 rounded-sm ${b.key === "older" || b.key === "3d" ? "bg-amber-500 dark:bg-amber-400" : "bg-blue-600 dark:bg-blue-400"}`}
                  style={{ width: `${(b.count / most) * 100}%` }}
                />
              </span>
              <span className="text-right tabular-nums">{b.count}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className={card}>
        <h3 className="text-sm font-semibold">Duplicates to check</h3>
        <p className="mt-1 text-3xl font-semibold tabular-nums">{links}</p>
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {waiting.openLinks.copies} copies, {waiting.openLinks.sameStory} rewrites
        </p>
        <Link href="/duplicates" className={`${link} mt-2 inline-block`} aria-label="Compare the duplicates awaiting a decision">
          Compare them
        </Link>
      </div>
      <div className={card}>
        <h3 className="text-sm font-semibold">Tag suggestions to decide</h3>
        <p className="mt-1 text-3xl font-semibold tabular-nums">{waiting.suggestedTags}</p>
        <p className="text-xs text-stone-600 dark:text-stone-400">on {waiting.suggestedTagArticles} new articles</p>
        <Link href="/?status=new" className={`${link} mt-2 inline-block`} aria-label="Review new articles and their suggested tags">
          Review new articles
        </Link>
      </div>
    </section>
  );
}
