import { readFileSync } from "node:fs";
import path from "node:path";
import type { Samples } from "./samples";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../fixtures/feeds", name));
let n = 0;

export const samples: Samples = {
  ingestFiles: async () => {
    const form = new FormData();
    form.append("files", new File([fixture("rss2.xml")], "rss2.xml", { type: "application/rss+xml" }));
    form.append("source", "Contract Wire");
    return { form };
  },
  ingestNinjs: async () => {
    n++;
    return {
      query: "source=Contract%20Ninjs",
      json: [
        { uri: `urn:contract:ninjs:${n}`, headline: `Harbour authority orders dredging study ${n}`, body_text: "The harbour authority ordered a study of dredging the outer channel." },
        { uri: `urn:contract:ninjs:broken:${n}`, headline: "A headline and nothing else" },
      ],
    };
  },
};
