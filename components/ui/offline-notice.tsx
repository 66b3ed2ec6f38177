"use client";

import { useSyncExternalStore } from "react";

const subscribe = (l: () => void) => {
  window.addEventListener("online", l);
  window.addEventListener("offline", l);
  return () => {
    window.removeEventListener("online", l);
    window.removeEventListener("offline", l);
  };
};

/** Says so when the browser goes offline: decisions are refused (not queued) until it is back. */
export function OfflineNotice() {
  const online = useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
  if (online) return null;
  return (
    <div role="status" className="fixed inset-x-0 top-0 z-50 bg-amber-300 px-4 py-1.5 text-center text-sm font-medium text-amber-950" data-testid="offline-notice">
      You are offline. Nothing you do is saved until the connection is back; decisions are refused, not queued.
    </div>
  );
}
