"use client";

import { useSearchParams } from "next/navigation";
import { filtersFromParams } from "@/lib/ui/queue-url";
import { QueueToolbar } from "./queue-toolbar";
import { ArticleList } from "./article-list";

/** The queue reads its filters from the URL, and only from there: every control and the list show the same filter after any navigation. */
export function QueueDesk({ canEdit }: { canEdit: boolean }) {
  const filters = filtersFromParams(useSearchParams());
  return (
    <>
      <QueueToolbar filters={filters} canEdit={canEdit} />
      <ArticleList filters={filters} canEdit={canEdit} />
    </>
  );
}
