"use client";
// Live updates: one EventSource per tab on /api/events. New articles and
// other editors' changes invalidate the queries that show them (new articles
// the queue's arrivals count, changes the lists), and a page
// rendered on the server (an article, the duplicates) is refreshed when what
// it shows changed.
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { articleKeys } from "./articles";
import { sourceKeys } from "./sources";
import { parseAnswer } from "./read-json";
import { liveEvent, type LiveEvent } from "../schemas/live";

export function useLiveUpdates() {
  const qc = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const where = useRef(pathname);
  useEffect(() => {
    where.current = pathname;
  }, [pathname]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const es = new EventSource("/api/events");
    const onChange = (m: MessageEvent<string>) => {
      let e: LiveEvent;
      try {
        e = parseAnswer(liveEvent, JSON.parse(m.data), "/api/events");
      } catch (err) {
        // A message this tab cannot read changes nothing it shows; said in the console for whoever looks.
        console.warn(err);
        return;
      }
      // Arrivals go to the queue's "N new articles: show" bar, so the list does
      // not shift under an editor; changes to listed articles update it in place.
      if (e.changed.length) void qc.invalidateQueries({ queryKey: articleKeys.all });
      else if (e.articles.length) void qc.invalidateQueries({ queryKey: [...articleKeys.all, "arrivals"] });
      if (e.entities.includes("source") || e.articles.length) void qc.invalidateQueries({ queryKey: sourceKeys.all });
      const path = where.current;
      const open = /^\/articles\/(\d+)/.exec(path)?.[1];
      if (open && e.changed.includes(Number(open))) router.refresh();
      else if (path.startsWith("/duplicates") && (e.changed.length || e.entities.includes("link"))) router.refresh();
    };
    es.addEventListener("change", onChange as EventListener);
    // EventSource reconnects by itself after an error (retry: 2 s).
    return () => {
      es.removeEventListener("change", onChange as EventListener);
      es.close();
    };
  }, [qc, router]);
}

/** Mounted once, in the providers. */
export function LiveUpdates() {
  useLiveUpdates();
  return null;
}
