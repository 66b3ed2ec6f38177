// Query keys and options for the dashboard: the range is the only variable.
import { queryOptions } from "@tanstack/react-query";
import { dashboard, type Dashboard, type DashboardRange } from "../schemas/dashboard";
import { readJson } from "./read-json";

export const dashboardKeys = {
  all: ["dashboard"] as const,
  range: (range: DashboardRange) => [...dashboardKeys.all, range] as const,
};

export const dashboardQueries = {
  range: (range: DashboardRange) =>
    queryOptions({
      queryKey: dashboardKeys.range(range),
      queryFn: async (): Promise<Dashboard> => {
        const res = await fetch(`/api/dashboard?range=${range}`);
        if (!res.ok) throw new Error(`Could not load the dashboard (HTTP ${res.status})`);
        return readJson(res, dashboard);
      },
      // The desk moves on: refresh the figures every minute while the page is open.
      refetchInterval: 60_000,
    }),
};
