import { z } from "zod";
import { linkState } from "./vocabulary";

export const linkDecision = z.object({ state: linkState });
export { idParam } from "./ids";
