import { migrateStore } from "../lib/server/db/migrate";
migrateStore(process.argv[2]!).then((r) => console.log(r));
