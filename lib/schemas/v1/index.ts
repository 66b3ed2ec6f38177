// Every /api/v1 operation, in the order the document lists them. A group
// module per resource; the contract test checks each has its route on disk.
import type { Endpoint } from "../endpoint";
import * as tokens from "./tokens";
import * as webhooks from "./webhooks";

export const v1Endpoints: Endpoint[] = [...Object.values(tokens), ...Object.values(webhooks)] as Endpoint[];
