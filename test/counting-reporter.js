import { writeFileSync } from 'node:fs';

/**
 * A web-test-runner reporter that counts passed and failed tests across every browser session and
 * writes them to the file named by `DELIB_TEST_COUNTS` (for `test/run.mjs`'s one summary line).
 */
export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const visit = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        suite.suites.forEach(visit);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length || !session.testResults)) failed++;
      }
      if (process.env.DELIB_TEST_COUNTS) writeFileSync(process.env.DELIB_TEST_COUNTS, JSON.stringify({ passed, failed }));
    },
  };
}
