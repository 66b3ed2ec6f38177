import { db } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/page";
import { topicTree } from "@/lib/server/tags/taxonomy";
import { TopicEditor } from "@/components/tags/taxonomy-editor";

export const dynamic = "force-dynamic";

export default async function TaxonomyPage() {
  const user = await requirePageUser("taxonomy", "/taxonomy");
  const tree = await topicTree(db(), user.actor);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Taxonomy</h1>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          IPTC Media Topics, the names editors see, and the newsroom&apos;s own tags. Hidden topics are never suggested.
        </p>
      </div>
      <ul className="space-y-2">
        {tree.map((t) => (
          <TopicEditor
            key={t.id}
            topic={{
              id: t.id,
              code: t.code,
              scheme: t.scheme,
              name: t.name,
              officialName: t.officialName,
              hidden: t.hidden,
              articles: t._count.articles,
              children: t.children.map((c) => ({ id: c.id, code: c.code, scheme: c.scheme, name: c.name, hidden: c.hidden, articles: c._count.articles })),
            }}
          />
        ))}
      </ul>
      <p className="text-xs text-stone-600 dark:text-stone-400">Topic data: IPTC Media Topics, © IPTC (iptc.org), CC BY 4.0.</p>
    </div>
  );
}
