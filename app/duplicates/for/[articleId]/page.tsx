// The "d" key: an article's duplicates, straight to the side-by-side view of its first open copy.
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/server/db/client";
import { firstLinkFor } from "@/lib/server/duplicates/find-links";
import { idParam } from "@/lib/schemas/ids";
import { requirePageUser } from "@/lib/server/auth/page";

export const dynamic = "force-dynamic";

export default async function DuplicatesForArticle({ params }: PageProps<"/duplicates/for/[articleId]">) {
  const user = await requirePageUser("read", "/duplicates");
  const id = idParam.safeParse((await params).articleId);
  if (!id.success) notFound();
  const first = await firstLinkFor(db(), id.data, user.actor);
  if (first !== null) redirect(`/duplicates/${first}`);
  return (
    <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
      <p className="font-medium text-stone-800 dark:text-stone-200">No copies or rewrites were found for this article.</p>
      <p className="mt-1">
        <Link className="underline" href={`/articles/${id.data}`}>Back to the article</Link> or see the{" "}
        <Link className="underline" href="/duplicates">duplicates queue</Link>.
      </p>
    </div>
  );
}
