import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/server/auth/page";
import { env } from "@/lib/server/env";

export const metadata = { title: "Sign in · Wiredesk" };

/** Only same-site paths: a crafted ?next= cannot send the editor elsewhere after signing in. */
function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : "/";
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
      <h1 className="mb-4 text-xl font-semibold">Sign in to the desk</h1>
      <SignInForm next={next} deskUrl={env().WIREDESK_URL} />
      <p className="mt-4 text-xs text-stone-600 dark:text-stone-400">No account? An admin creates one for you.</p>
    </div>
  );
}
