"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { LiveUpdates } from "@/lib/queries/live";
import { OfflineNotice } from "@/components/ui/offline-notice";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; data prefetched on the server stays fresh for 30 s.
  // Writes run even offline, so they fail at once with a message (postJson) instead of pausing unseen.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 }, mutations: { networkMode: "always" } } }));
  return (
    <QueryClientProvider client={client}>
      <LiveUpdates />
      <OfflineNotice />
      {children}
      <Toaster theme="system" position="bottom-left" closeButton />
    </QueryClientProvider>
  );
}
