"use client";

import { useEffect, useState } from "react";
import { parseAnswer } from "@/lib/queries/read-json";
import { presenceAnswer, type PresenceOther as Other } from "@/lib/schemas/users";

/** "Also open by …": beats every 10 s while the page is open, leaves when it closes. */
export function Presence({ articleId }: { articleId: number }) {
  const [others, setOthers] = useState<Other[]>([]);
  useEffect(() => {
    let live = true;
    const url = `/api/articles/${articleId}/presence`;
    const beat = async () => {
      const res = await fetch(url, { method: "POST" }).catch(() => null);
      if (!live || !res?.ok) return;
      // Presence is a courtesy: an answer this page cannot read shows nobody rather than breaking the page.
      const json: unknown = await res.json().catch(() => null);
      try {
        setOthers(parseAnswer(presenceAnswer, json, url).others);
      } catch {
        setOthers([]);
      }
    };
    void beat();
    const timer = setInterval(beat, 10_000);
    return () => {
      live = false;
      clearInterval(timer);
      void fetch(url, { method: "DELETE", keepalive: true }).catch(() => undefined);
    };
  }, [articleId]);
  if (others.length === 0) return null;
  return (
    <p role="status" data-testid="presence" className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
      Also open by {others.map((o) => `${o.name} (${o.role})`).join(", ")}
    </p>
  );
}
