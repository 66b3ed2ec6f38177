import Link from "next/link";
import { requirePageUser } from "@/lib/server/auth/page";

export const metadata = { title: "Not allowed · Wiredesk" };

export default async function NotAllowedPage() {
  const user = await requirePageUser("read", "/");
  return (
    <div className="mx-auto mt-12 max-w-md text-center">
      <h1 className="text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        You are signed in as {user.name}, a {user.role}; that page is for others. Ask an admin if you need it.
      </p>
      <p className="mt-4"><Link className="underline" href="/">Back to the queue</Link></p>
    </div>
  );
}
