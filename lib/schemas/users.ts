import { z } from "zod";
import { queryId } from "./ids";

export const roleName = z.enum(["admin", "editor", "viewer"]);

/**
 * A person's name as the desk shows it (and the audit log records it): set by
 * an admin, 1-100 characters, no control or bidirectional-override
 * characters (which could make one name display as another).
 */
export const personName = z
  .string()
  .trim()
  .min(1, "name is empty")
  .max(100, "name is longer than 100 characters")
  .refine((n) => !/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(n), "name holds control or invisible characters");

export const newUser = z.object({
  email: z.email().trim().toLowerCase().max(200),
  name: personName,
  role: roleName,
  /** At least 10 characters; the form may leave it out to have one generated and shown once. */
  password: z.string().min(10, "password must be at least 10 characters").max(256).optional(),
});

export const userChange = z
  .object({ role: roleName.optional(), disabled: z.boolean().optional(), name: personName.optional() })
  .refine((c) => c.role !== undefined || c.disabled !== undefined || c.name !== undefined, { message: "give a role, disabled or a name" });

/** An admin sets a password (the same rule as a new user's), or leaves it out to have one generated. */
export const passwordReset = z.strictObject({ password: newUser.shape.password });

export const auditFilters = z.object({
  user: queryId.optional(),
  action: z.string().trim().max(60).regex(/^[a-z.]*$/, "letters and dots").optional(),
  article: queryId.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: queryId.optional(),
});

/** A user as the admin pages and /api/users show them (never a secret). */
export const userView = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleName,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

/** POST /api/users: the new user, and the password when one was generated (shown once). */
export const userCreated = z.object({ user: userView, password: z.string().optional() });
/** POST /api/users/:id: the user as changed. */
export const userChanged = z.object({ user: userView });
/** POST /api/users/:id/password: the generated password (shown once), or ok for one the admin chose. */
export const passwordSet = z.union([z.object({ password: z.string() }), z.object({ ok: z.literal(true) })]);

/** POST /api/articles/:id/presence: who else has the article open. */
export const presenceAnswer = z.object({ others: z.array(z.object({ id: z.number().int(), name: z.string(), role: roleName })) });
export type PresenceOther = z.infer<typeof presenceAnswer>["others"][number];
