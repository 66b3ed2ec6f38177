import { z } from "zod";
import { linkState } from "./workflow";

export const linkDecision = z.object({ state: linkState });
export { idParam } from "./ids";
