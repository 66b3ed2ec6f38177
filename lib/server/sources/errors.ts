// What the source routes answer when an operation refuses its input
// (SourceError is an ApiError and carries its own status).
import "server-only";
import type { Refusals } from "../http/route";
import { IngestInputError } from "../../ingest/types";
import { UnknownTagError } from "./source-tags";

export const sourceRefusals: Refusals = [
  [UnknownTagError, 422],
  [IngestInputError, 422],
];
