// Every /api/v1 operation, in the order the document lists them. A group
// module per resource; the contract test checks each has its route on disk.
import type { Endpoint } from "../endpoint";
import * as tokens from "./tokens";
import * as stories from "./stories";
import * as articles from "./articles";
import * as tags from "./tags";
import * as duplicates from "./duplicates";
import * as webhooks from "./webhooks";

const ops = (m: object) => Object.values(m).filter((v): v is Endpoint => !!v && typeof v === "object" && "method" in v && "path" in v);

export const v1Endpoints: Endpoint[] = [...ops(stories), ...ops(articles), ...ops(tags), ...ops(duplicates), ...ops(tokens), ...ops(webhooks)];
