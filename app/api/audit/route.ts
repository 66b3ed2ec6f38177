// GET /api/audit?user=&action=&article=&from=&to=&before= - the audit log, newest first (admin)
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { guard, jsonError, refusal } from "@/lib/server/auth/guard";
import { findAudit } from "@/lib/server/audit-log";
import { auditFilters } from "@/lib/schemas/users";

export async function GET(req: NextRequest) {
  const g = await guard(req, "audit");
  if (g instanceof Response) return g;
  const f = auditFilters.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!f.success) return jsonError(400, f.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  try {
    return NextResponse.json(await findAudit(db(), f.data, g.actor));
  } catch (e) {
    return refusal(e);
  }
}
