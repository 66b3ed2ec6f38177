import { db } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/page";
import { listUsers } from "@/lib/server/users";
import { UserAdmin } from "@/components/users/user-admin";

export const metadata = { title: "Users · Wiredesk" };

export default async function UsersPage() {
  const user = await requirePageUser("users", "/admin/users");
  const users = await listUsers(db(), user.actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Users</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">Admins manage users, sources and the taxonomy; editors triage; viewers read.</p>
      <UserAdmin users={users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled }))} me={user.id} />
    </div>
  );
}
