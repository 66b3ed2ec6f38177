import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ArticleNotFound() {
  return <NotFoundPanel what="No such article" why="There is no article at this address: it may have been deleted, or the link may be mistyped." />;
}
