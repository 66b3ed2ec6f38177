// The audit log's answers to the desk.
import { z } from "zod";

/** POST /api/audit/:id/undo: the entry whose action was undone. */
export const auditUndone = z.object({ undone: z.number().int() });
