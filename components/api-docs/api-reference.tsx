"use client";

import { useEffect, useRef, useState } from "react";

/** The little of Swagger UI's global this page calls. */
type SwaggerUIBundle = ((opts: Record<string, unknown>) => unknown) & { presets: { apis: unknown } };

const SCRIPT_ID = "swagger-ui-bundle";

/** Swagger UI's bundle, loaded once: a script added by this (nonced) code is allowed by the CSP's strict-dynamic. */
function loadBundle(src: string): Promise<SwaggerUIBundle> {
  const w = window as unknown as { SwaggerUIBundle?: SwaggerUIBundle };
  if (w.SwaggerUIBundle) return Promise.resolve(w.SwaggerUIBundle);
  return new Promise((resolve, reject) => {
    let s = document.getElementById(SCRIPT_ID) as HTMLScriptElement | null;
    if (!s) {
      s = document.createElement("script");
      s.id = SCRIPT_ID;
      s.src = src;
      s.async = true;
      document.head.appendChild(s);
    }
    s.addEventListener("load", () => (w.SwaggerUIBundle ? resolve(w.SwaggerUIBundle) : reject(new Error("Swagger UI did not load"))));
    s.addEventListener("error", () => reject(new Error("Swagger UI could not be loaded")));
  });
}

// Tokens are refused from a browser (lib/server/http/route.ts), so the
// Authorize dialog could only fail here: "Try it out" runs with the session.
const noAuthorizeButtons = () => ({ wrapComponents: { authorizeBtn: () => () => null, authorizeOperationBtn: () => () => null } });

export function ApiReference({ specUrl, bundleUrl }: { specUrl: string; bundleUrl: string }) {
  const node = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadBundle(bundleUrl).then(
      (SwaggerUI) => {
        if (!live || !node.current) return;
        SwaggerUI({
          url: specUrl,
          domNode: node.current,
          presets: [SwaggerUI.presets.apis],
          plugins: [noAuthorizeButtons],
          // Deep links put a link inside each operation's button (nested controls, which screen readers cannot reach).
          deepLinking: false,
          // The default would fetch a badge from validator.swagger.io: nothing leaves the desk.
          validatorUrl: null,
          tryItOutEnabled: false,
          defaultModelsExpandDepth: 0,
          docExpansion: "list",
          displayRequestDuration: true,
        });
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [specUrl, bundleUrl]);
  return (
    <>
      {error && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}. The document itself: <a className="underline" href={specUrl}>{specUrl}</a></p>}
      {/* Swagger UI is drawn light only: a light card keeps it readable in the dark theme. Its
          stylesheet is unlayered, so the few changes here are !important: a title sized below the
          page's own, no empty bar where the (removed) Authorize button and server list sit, and
          darker badges and links where white or blue text on Swagger's colours fails WCAG AA contrast. */}
      <div
        ref={node}
        data-testid="api-reference"
        className={[
          "min-h-64 rounded-lg border border-stone-200 bg-white py-2 text-stone-900 [color-scheme:light] dark:border-stone-700",
          "[&_.info]:my-6! [&_.info_.title]:text-2xl! [&_.scheme-container]:hidden!",
          "[&_.info_.title_small]:bg-stone-600! [&_.info_.title_small.version-stamp]:bg-lime-800! [&_.info_.url]:text-blue-700!",
          "[&_.opblock-get_.opblock-summary-method]:bg-sky-700! [&_.opblock-post_.opblock-summary-method]:bg-emerald-700!",
          "[&_.opblock-patch_.opblock-summary-method]:bg-amber-700! [&_.opblock-delete_.opblock-summary-method]:bg-rose-700!",
        ].join(" ")}
      />
    </>
  );
}
