// GET /api/v1/stories/:id - one story: its articles oldest first, and what each update changed
import { db } from "@/lib/server/db/client";
import { v1Route } from "@/lib/server/http/v1";
import { getStory, StoryNotFoundError } from "@/lib/server/stories/get-story";
import * as api from "@/lib/schemas/v1/stories";

export const GET = v1Route(api.getStory, async ({ actor, params }) => getStory(db(), params.id, actor), { refusals: [[StoryNotFoundError, 404]] });
