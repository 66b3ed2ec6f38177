import type { Samples } from "./samples";

export const samples: Samples = {
  exportNinjs: async () => ({ query: "status=new&limit=20" }),
};
