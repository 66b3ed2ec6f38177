// GET /api/stories/:id - a story: its articles oldest first, each with its kind and reason, and what each update changed
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { getStory, StoryNotFoundError } from "@/lib/server/stories/get-story";
import { idPath } from "@/lib/schemas/ids";

export const GET = apiRoute({ need: "read", params: idPath, refusals: [[StoryNotFoundError, 404]] }, ({ params, actor }) => getStory(db(), params.id, actor));
