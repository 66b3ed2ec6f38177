// What every route and page needs, declared in one table. The route-policy
// test (tests/store/route-policy.test.ts) finds every app/api/**/route.ts and
// app/**/page.tsx on disk and fails when one is missing here, then calls each
// handler as every role and as nobody and checks the answer against this.
import "server-only";
import type { Permission } from "../../schemas/roles";
import { v1Endpoints } from "../../schemas/v1";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/** "public": no session needed (sign-in itself). */
export type Need = Permission | "public";

export const apiPolicy: Record<string, Partial<Record<Method, Need>>> = {
  "/api/auth/[...all]": { GET: "public", POST: "public" },
  "/api/articles": { GET: "read" },
  "/api/articles/[id]": { GET: "read" },
  "/api/articles/[id]/status": { POST: "triage" },
  "/api/articles/[id]/tags": { POST: "triage" },
  "/api/articles/[id]/canonical": { POST: "triage" },
  "/api/articles/[id]/presence": { POST: "read", DELETE: "read" },
  "/api/duplicates/[id]": { POST: "triage" },
  "/api/stories/[id]": { GET: "read" },
  "/api/stories/move": { POST: "triage" },
  "/api/audit": { GET: "audit" },
  "/api/audit/[id]/undo": { POST: "triage" },
  "/api/ingest": { POST: "ingest" },
  "/api/tags": { GET: "read" },
  "/api/taxonomy": { POST: "taxonomy" },
  "/api/users": { GET: "users", POST: "users" },
  "/api/users/[id]": { POST: "users" },
  "/api/users/[id]/password": { POST: "users" },
  "/api/articles/status": { POST: "triage" },
  "/api/articles/facets": { GET: "read" },
  "/api/duplicates/cluster": { POST: "triage" },
  "/api/views": { GET: "read", POST: "read" },
  "/api/views/[id]": { DELETE: "read" },
  "/api/dashboard": { GET: "read" },
  "/api/events": { GET: "read" },
  "/api/sources": { GET: "sources", POST: "sources" },
  "/api/sources/[id]": { PATCH: "sources", DELETE: "sources" },
  "/api/sources/[id]/poll": { POST: "sources" },
  "/api/sources/opml": { GET: "sources", POST: "sources" },
};

/** /api/v1 routes, from their declarations (the contract test calls each as every role and token scope). */
export const v1Policy: Record<string, Partial<Record<Method, Need>>> = {};
for (const e of v1Endpoints) {
  const route = e.path.replace(/\{(\w+)\}/g, "[$1]");
  (v1Policy[route] ??= {})[e.method.toUpperCase() as Method] = e.need;
}
v1Policy["/api/v1/openapi.json"] = { GET: "public" };

export const pagePolicy: Record<string, Need> = {
  "/": "read",
  "/sign-in": "public",
  "/not-allowed": "read",
  "/articles/[id]": "read",
  "/duplicates": "read",
  "/stories/[id]": "read",
  "/duplicates/[id]": "read",
  "/ingest": "ingest",
  "/taxonomy": "taxonomy",
  "/audit": "audit",
  "/admin/users": "users",
  "/admin/webhooks": "users",
  "/admin/tokens": "users",
  // Every signed-in user may read the API reference; the document it draws (/api/v1/openapi.json) is public.
  "/api-docs": "read",
  "/dashboard": "read",
  "/sources": "sources",
  "/duplicates/for/[articleId]": "read",
};
