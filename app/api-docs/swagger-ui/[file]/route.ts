// GET /api-docs/swagger-ui/<file> - Swagger UI's stylesheet and script for the
// API reference page, served from the installed swagger-ui-dist package (no
// CDN: the page CSP allows this origin only). Public like any static asset:
// they hold no data. The page asks for them with ?v=<version>, so a browser
// may keep them for good.
import { readFile } from "node:fs/promises";
import path from "node:path";

const FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const cache = new Map<string, Promise<Buffer>>();

export async function GET(_req: Request, ctx: RouteContext<"/api-docs/swagger-ui/[file]">) {
  const { file } = await ctx.params;
  const type = FILES[file];
  if (!type) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  // Read once per process from the package (next start runs in the project's root, beside node_modules).
  let body = cache.get(file);
  if (!body) {
    body = readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", file));
    cache.set(file, body);
    body.catch(() => cache.delete(file));
  }
  return new Response(new Uint8Array(await body), {
    headers: { "content-type": type, "cache-control": "public, max-age=31536000, immutable" },
  });
}
