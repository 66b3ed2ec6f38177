import { z } from "zod";
import { queryId } from "./ids";

export const roleName = z.enum(["admin", "editor", "viewer"]);

export const newUser = z.object({
  email: z.email().trim().toLowerCase().max(200),
  name: z.string().trim().min(1).max(100),
  role: roleName,
  /** At least 10 characters; the form may leave it out to have one generated and shown once. */
  password: z.string().min(10, "password must be at least 10 characters").max(256).optional(),
});

export const userChange = z
  .object({ role: roleName.optional(), disabled: z.boolean().optional() })
  .refine((c) => c.role !== undefined || c.disabled !== undefined, { message: "give a role or disabled" });

export const auditFilters = z.object({
  user: queryId.optional(),
  action: z.string().trim().max(60).regex(/^[a-z.]*$/, "letters and dots").optional(),
  article: queryId.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: queryId.optional(),
});
