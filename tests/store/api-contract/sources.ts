import type { Samples } from "./samples";
import { createSource } from "../../../lib/server/sources/save-source";
import { systemActor } from "../../../lib/server/audit";
import type { Db } from "../../../lib/server/db/client";

let n = 0;
// A public address by number: the private-address check needs no DNS for it.
const feedUrl = () => `https://93.184.215.14/contract-feed-${++n}.xml`;
const aSource = async (db: Db) => {
  const s = await createSource(db, { name: `Contract source ${++n}`, feedUrl: feedUrl(), defaultTags: ["ES"] }, systemActor("test"));
  return { params: { id: String(s.id) } };
};

export const samples: Samples = {
  listSources: async (db) => {
    if ((await db.source.count({ where: { feedUrl: { not: null } } })) === 0) await aSource(db);
    return {};
  },
  createSource: async () => ({ json: { name: `Contract feed ${++n}`, feedUrl: feedUrl(), defaultTags: ["FR", "medtop:04000000"], pollMinutes: 30 } }),
  updateSource: async (db) => ({ ...(await aSource(db)), json: { pollMinutes: 60, enabled: false } }),
  deleteSource: aSource,
  pollSource: aSource,
};
