import type { Metadata } from "next";
import Link from "next/link";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { Providers } from "./providers";
import { CommandPalette } from "@/components/ui/command-palette";
import "./globals.css";

export const metadata: Metadata = {
  title: "Wiredesk",
  description: "Newsroom triage desk: wire copy, feeds and pages, tagged and de-duplicated.",
};

export default function RootLayout({ children }: LayoutProps<"/">) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        <Providers>
        <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
              Wiredesk
            </Link>
            <nav aria-label="Main" className="flex gap-4 text-sm text-stone-600 dark:text-stone-300">
              <Link href="/" className="hover:text-stone-900 dark:hover:text-white">Queue</Link>
              <Link href="/duplicates" className="hover:text-stone-900 dark:hover:text-white">Duplicates</Link>
              <Link href="/ingest" className="hover:text-stone-900 dark:hover:text-white">Ingest</Link>
              <Link href="/taxonomy" className="hover:text-stone-900 dark:hover:text-white">Taxonomy</Link>
              <Link href="/dashboard" className="hover:text-stone-900 dark:hover:text-white">Dashboard</Link>
              <Link href="/sources" className="hover:text-stone-900 dark:hover:text-white">Sources</Link>
            </nav>
            <CommandPalette />
          </div>
        </header>
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
