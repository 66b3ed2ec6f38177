// GET /api/dashboard - articles per topic and place over time, duplicate rate per source, what is waiting (?range=24h|7d|30d)
import { guard } from "@/lib/server/auth/guard";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/server/db/client";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { dashboardParams } from "@/lib/schemas/dashboard";

export async function GET(req: NextRequest) {
  const g = await guard(req, "read");
  if (g instanceof Response) return g;
  const parsed = dashboardParams.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) {
    return NextResponse.json(
      { error: "invalid query", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  }
  return NextResponse.json(await getDashboard(db(), parsed.data, g.actor));
}
