// The queue's URL is the one source of truth for what it shows: the page
// (server), the filter controls, the tabs, the counts and the list all read
// the filters from it through this module, and every control writes them
// back to it. The desk opens on New: no status in the URL means "new", and
// "all" says so explicitly.
import { articleListParams } from "@/lib/schemas/articles";
import { FILTER_KEYS, filterParams, type ArticleFilters } from "@/lib/queries/articles";

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const read = (p: Params, key: string): string | undefined => {
  const v = p instanceof URLSearchParams ? p.get(key) : p[key];
  return typeof v === "string" && v ? v : undefined;
};

/** The filters a queue URL names; each is taken when valid and dropped when not, so a bad link still shows a queue. */
export function filtersFromParams(p: Params): ArticleFilters {
  const filters: ArticleFilters = {};
  const shape = articleListParams.shape as Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }>;
  for (const key of FILTER_KEYS) {
    if (key === "status") continue;
    const schema = shape[key];
    const raw = read(p, key);
    if (!schema || raw === undefined) continue;
    const one = schema.safeParse(raw);
    if (one.success && one.data) (filters as Record<string, unknown>)[key] = one.data;
  }
  const status = read(p, "status");
  if (status === undefined) filters.status = "new";
  else if (status !== "all") {
    const one = articleListParams.shape.status.safeParse(status);
    if (one.success && one.data) filters.status = one.data;
  }
  return filters;
}

/** The URL parameters for these filters, the inverse of filtersFromParams ("new" is the default, "all" is spelt out). */
export function queueParams(f: ArticleFilters): URLSearchParams {
  const qs = filterParams({ ...f, status: undefined });
  if (f.status !== "new") qs.set("status", f.status ?? "all");
  qs.sort();
  return qs;
}

export function queueHref(f: ArticleFilters): string {
  const qs = queueParams(f).toString();
  return qs ? `/?${qs}` : "/";
}

/** Filters other than status, view and sort: what "Clear" clears and what makes a queue "filtered". */
export function narrowing(f: ArticleFilters): boolean {
  return FILTER_KEYS.some((k) => k !== "status" && k !== "view" && k !== "sort" && Boolean(f[k]));
}
