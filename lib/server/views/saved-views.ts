// Saved views: named queue filters. An editor's own, and those shared with the desk (no owner).
import "server-only";
import type { Db } from "../db/client";
import { authorize, recordAudit, type Actor } from "../audit";
import { savedViewInput, type SavedViewItem } from "../../schemas/views";
import type { z } from "zod";

export class ViewError extends Error {}

const ownedBy = (actor: Actor) => ({ OR: [{ userId: actor.userId ?? null }, { userId: null }] });

export async function listViews(db: Db, actor: Actor): Promise<SavedViewItem[]> {
  authorize(actor, "read");
  return db.savedView.findMany({ where: ownedBy(actor), orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, query: true } });
}

export async function saveView(db: Db, input: z.input<typeof savedViewInput>, actor: Actor): Promise<SavedViewItem> {
  authorize(actor, "read");
  const v = savedViewInput.parse(input);
  const same = await db.savedView.findFirst({ where: { name: v.name, userId: actor.userId ?? null } });
  if (same) throw new ViewError(`There is already a view called “${v.name}”`);
  const view = await db.savedView.create({ data: { name: v.name, query: v.query, userId: actor.userId ?? null }, select: { id: true, name: true, query: true } });
  await recordAudit(db, actor, { action: "view.save", entityType: "savedView", entityId: view.id, after: view });
  return view;
}

export async function deleteView(db: Db, id: number, actor: Actor) {
  authorize(actor, "read");
  const view = await db.savedView.findFirst({ where: { id, ...ownedBy(actor) }, select: { id: true, name: true, query: true } });
  if (!view) throw new ViewError(`No saved view ${id}`);
  await db.savedView.delete({ where: { id } });
  await recordAudit(db, actor, { action: "view.delete", entityType: "savedView", entityId: id, before: view });
  return view;
}
