// A Vitest reporter beside the default one: names each test that passed only
// on a retry, one line each, for scripts/test.ts to repeat at the end of a run.
import type { Reporter, TestCase } from "vitest/node";

export const FLAKY_PREFIX = "wiredesk-flaky:";

export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(test: TestCase) {
    const d = test.diagnostic();
    if (d?.flaky) this.flaky.push(`${FLAKY_PREFIX} ${test.module.moduleId.replace(`${process.cwd()}/`, "")} > ${test.fullName} (passed on retry ${d.retryCount})`);
  }

  onTestRunEnd() {
    for (const line of this.flaky) console.log(line);
  }
}
