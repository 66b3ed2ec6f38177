import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { Providers } from "./providers";
import { CommandPalette, type PalettePage } from "@/components/ui/command-palette";
import { currentUser } from "@/lib/server/auth/page";
import { can } from "@/lib/schemas/roles";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { themeScript } from "@/lib/ui/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: "Wiredesk",
  description: "Newsroom triage desk: wire copy, feeds and pages, tagged and de-duplicated.",
};

/** The pages the palette offers: only those this role may open. */
function palettePages(role: Parameters<typeof can>[0]): PalettePage[] {
  const pages: (PalettePage & { need?: Parameters<typeof can>[1] })[] = [
    { label: "Queue", href: "/" },
    { label: "Queue: reviewed", href: "/?status=reviewed" },
    { label: "Queue: spiked", href: "/?status=spiked" },
    { label: "Queue: all stories", href: "/?status=all" },
    { label: "Duplicates", href: "/duplicates" },
    { label: "Dashboard", href: "/dashboard" },
    { label: "Ingest", href: "/ingest", need: "ingest" },
    { label: "Sources", href: "/sources", need: "sources" },
    { label: "Taxonomy", href: "/taxonomy", need: "taxonomy" },
    { label: "Audit log", href: "/audit", need: "audit" },
    { label: "Users", href: "/admin/users", need: "users" },
    { label: "Webhooks", href: "/admin/webhooks", need: "users" },
    { label: "API tokens", href: "/admin/tokens", need: "users" },
    { label: "API reference", href: "/api-docs" },
  ];
  return pages.filter((p) => !p.need || can(role, p.need)).map(({ label, href }) => ({ label, href }));
}

export default async function RootLayout({ children }: LayoutProps<"/">) {
  const user = await currentUser();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script adds "dark" to <html> before React hydrates it.
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        <Providers>
        <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          {/* On a phone the links take a row of their own that scrolls sideways; the page itself never does. */}
          <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 md:py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
              Wiredesk
            </Link>
            {user && (
              <nav aria-label="Main" className="order-last -mx-4 flex w-[calc(100%+2rem)] gap-4 overflow-x-auto md:gap-3 whitespace-nowrap px-4 pb-1 text-sm text-stone-600 md:order-none md:mx-0 md:w-auto md:overflow-visible md:p-0 dark:text-stone-300">
                <Link href="/" className="hover:text-stone-900 dark:hover:text-white">Queue</Link>
                <Link href="/duplicates" className="hover:text-stone-900 dark:hover:text-white">Duplicates</Link>
                {can(user.role, "ingest") && <Link href="/ingest" className="hover:text-stone-900 dark:hover:text-white">Ingest</Link>}
                {can(user.role, "taxonomy") && <Link href="/taxonomy" className="hover:text-stone-900 dark:hover:text-white">Taxonomy</Link>}
                <Link href="/dashboard" className="hover:text-stone-900 dark:hover:text-white">Dashboard</Link>
                {can(user.role, "sources") && <Link href="/sources" className="hover:text-stone-900 dark:hover:text-white">Sources</Link>}
                {can(user.role, "audit") && <Link href="/audit" className="hover:text-stone-900 dark:hover:text-white">Audit log</Link>}
                {can(user.role, "users") && <Link href="/admin/users" className="hover:text-stone-900 dark:hover:text-white">Users</Link>}
                {can(user.role, "users") && <Link href="/admin/webhooks" className="hover:text-stone-900 dark:hover:text-white">Webhooks</Link>}
                {can(user.role, "users") && <Link href="/admin/tokens" className="hover:text-stone-900 dark:hover:text-white">API tokens</Link>}
                <Link href="/api-docs" className="hover:text-stone-900 dark:hover:text-white">API</Link>
              </nav>
            )}
            <div className="ml-auto flex items-center gap-3">
              {user && (
                <div className="flex items-center gap-3 text-sm" data-testid="signed-in-as">
                  <CommandPalette canEdit={can(user.role, "triage")} pages={palettePages(user.role)} />
                  <span className="hidden sm:inline">
                    {user.name} <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300">{user.role}</span>
                  </span>
                  <SignOutButton />
                </div>
              )}
              <ThemeToggle />
            </div>
          </div>
        </header>
          <main className="mx-auto max-w-6xl px-4 py-4 has-[>[data-wide]]:max-w-[96rem]">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
