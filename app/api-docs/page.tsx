import Link from "next/link";
import swaggerUi from "swagger-ui-dist/package.json";
import { requirePageUser } from "@/lib/server/auth/page";
import { can } from "@/lib/server/auth/roles";
import { ApiReference } from "@/components/api-docs/api-reference";

export const metadata = { title: "API reference · Wiredesk" };

const SPEC = "/api/v1/openapi.json";
// The version in the address lets the browser keep the files (the route sends them immutable).
const asset = (file: string) => `/api-docs/swagger-ui/${file}?v=${swaggerUi.version}`;

export default async function ApiDocsPage() {
  const user = await requirePageUser("read", "/api-docs");
  return (
    <div className="space-y-4">
      {/* React puts the stylesheet in <head>; the CSP allows styles from this origin. */}
      <link rel="stylesheet" href={asset("swagger-ui.css")} precedence="default" />
      <div>
        <h1 className="text-xl font-semibold">API reference</h1>
        <div className="mt-1 max-w-3xl space-y-1 text-sm text-stone-600 dark:text-stone-400">
          <p>
            The desk&apos;s API for other systems, <code className="font-mono text-xs">/api/v1</code>, drawn from its OpenAPI 3.1 document (
            <a href={SPEC} className="underline underline-offset-2">{SPEC}</a>, public, for code generators and clients).
          </p>
          <p>
            Machine clients send <code className="font-mono text-xs">Authorization: Bearer wd_…</code> from a server; a token sent from a browser is refused.
            {can(user.role, "users") ? (
              <> Make tokens on <Link href="/admin/tokens" className="underline underline-offset-2">API tokens</Link>.</>
            ) : (
              <> An admin makes tokens.</>
            )}{" "}
            &ldquo;Try it out&rdquo; here runs as you, with your session and your role.
          </p>
        </div>
      </div>
      <ApiReference specUrl={SPEC} bundleUrl={asset("swagger-ui-bundle.js")} />
    </div>
  );
}
