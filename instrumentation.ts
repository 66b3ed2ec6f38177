// Runs once when a server starts, before it answers: a bad environment stops
// it here with every problem listed, not at the first request that reads it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/server/env");
    env();
  }
}
