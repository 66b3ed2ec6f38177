"use client";
// An admin page's action: run it, show what it answered (or why it failed)
// in the page's status line, then refresh the server-rendered list.
import { useRouter } from "next/navigation";
import { useState } from "react";

export type RunMessage = { text: string; error?: boolean } | null;

export function useRun() {
  const router = useRouter();
  const [message, setMessage] = useState<RunMessage>(null);
  const run = async (f: () => Promise<string>) => {
    try {
      setMessage({ text: await f() });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
    router.refresh();
  };
  return { message, setMessage, run };
}
