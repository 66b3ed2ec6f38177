// The web server as clients meet it: a pooled keep-alive connection that sat
// idle for longer than Node's default 5 s is still open for the next request
// (scripts/serve.mjs). With the default, the server closed it, and a client
// that sent just then got ECONNRESET: an acceptance test once failed so.
import http from "node:http";
import { expect, test } from "@playwright/test";

function get(agent: http.Agent, url: URL): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on("error", reject);
  });
}

test("keeps an idle keep-alive connection open past Node's 5 seconds, for the client's next request", async ({ baseURL }) => {
  test.setTimeout(30_000);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const url = new URL("/sign-in", baseURL);
    const first = await get(agent, url);
    expect(first.status).toBe(200);
    expect(first.reused).toBe(false);
    await new Promise((r) => setTimeout(r, 6_500));
    // The server had not closed it: the agent still holds it and sends the next request on it.
    const second = await get(agent, url);
    expect(second.status).toBe(200);
    expect(second.reused).toBe(true);
  } finally {
    agent.destroy();
  }
});
