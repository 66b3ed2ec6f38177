import { z } from "zod";
import { idNumber } from "./ids";
import { givenScheme, tagState } from "./vocabulary";

export const tagAction = z.discriminatedUnion("action", [
  z.object({
    action: z.enum(["accept", "reject", "remove"]),
    tagId: idNumber,
    /** The tag's version the editor saw; a newer one in the store refuses the write (409). */
    version: idNumber.optional(),
  }),
  z.object({ action: z.literal("add"), scheme: givenScheme, code: z.string().trim().min(1).max(100) }),
  /** Accept the confident suggestions at once (the "a" key). */
  z.object({ action: z.literal("accept-suggestions") }),
  /** Undo: put a tag back in the state it had. */
  z.object({
    action: z.literal("restore"),
    tagId: idNumber,
    state: tagState,
    /** The version the undone write produced: a later decision by someone else is not overwritten. */
    version: idNumber.optional(),
  }),
]);

export const tagSearch = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(12),
});

export const taxonomyChange = z.discriminatedUnion("action", [
  z.object({ action: z.literal("rename"), tagId: idNumber, name: z.string().trim().min(1).max(80) }),
  z.object({ action: z.literal("hide"), tagId: idNumber, hidden: z.boolean() }),
  z.object({
    action: z.literal("add"),
    parentId: idNumber,
    name: z.string().trim().min(1).max(80),
  }),
]);
