// Counts the run's tests for the plain closing line CI reads,
// "N passed, N failed[, N skipped]": written to the file named by
// WTR_RESULT_FILE for scripts/run-tests.mjs to print after the runner's own
// progress output (else printed at stop).
// A test file that failed to load or threw outside a test counts as one failure,
// so a broken file can never pass silently.
export function passedFailedReporter() {
  let line;
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if ((session.errors ?? []).length > 0 || (!session.passed && !session.testResults)) failed += 1;
      }
      line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    },
    async stop() {
      if (!line) return;
      if (process.env.WTR_RESULT_FILE) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(process.env.WTR_RESULT_FILE, line);
      } else {
        console.log(`\n${line}`);
      }
    },
  };
}
