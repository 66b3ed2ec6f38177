"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { LiveUpdates } from "@/lib/queries/live";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; data prefetched on the server stays fresh for 30 s.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <LiveUpdates />
      {children}
      <Toaster theme="system" position="bottom-left" closeButton />
    </QueryClientProvider>
  );
}
