import { NotFoundPanel } from "@/components/ui/not-found-panel";

export const metadata = { title: "Not found · Wiredesk" };

// Missing stories and duplicate pairs land here too (their pages call notFound()).
export default function NotFound() {
  return (
    <NotFoundPanel
      what="Nothing here"
      why="There is no page, story or duplicate pair at this address. It may have been merged or deleted, or the link may be mistyped."
    />
  );
}
