// GET /api/dashboard - articles per topic and place over time, duplicate rate per source, what is waiting (?range=24h|7d|30d)
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { dashboardParams } from "@/lib/schemas/dashboard";

export const GET = apiRoute({ need: "read", query: dashboardParams }, ({ query, actor }) => getDashboard(db(), query, actor));
