// GET /api/audit?user=&action=&article=&from=&to=&before= - the audit log, newest first (admin)
import { db } from "@/lib/server/db/client";
import { apiRoute } from "@/lib/server/http/route";
import { findAudit } from "@/lib/server/audit-log";
import { auditFilters } from "@/lib/schemas/users";

export const GET = apiRoute({ need: "audit", query: auditFilters }, ({ query, actor }) => findAudit(db(), query, actor));
