// A web-test-runner reporter that counts every test (nested suites included) and writes
// { passed, failed, skipped, failures } to a JSON file for the gate's summary line.
// A test file that failed to load counts as one failure, so a broken file cannot pass silently.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {{ outFile: string }} options */
export function countingReporter({ outFile }) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const before = totals.passed + totals.failed + totals.skipped;
        if (session.testResults) walk(session.testResults, [session.testFile], totals);
        const counted = totals.passed + totals.failed + totals.skipped - before;
        const loadErrors = (session.errors ?? []).length;
        if (loadErrors > 0 || (counted === 0 && !session.passed)) {
          totals.failed += 1;
          totals.failures.push({
            test: `${session.testFile} (failed to load or run)`,
            error: (session.errors ?? []).map((e) => e.message).join('; ') || 'no tests ran',
          });
        }
      }
      mkdirSync(dirname(outFile), { recursive: true });
      writeFileSync(outFile, JSON.stringify(totals, null, 2));
    },
  };
}

function walk(suite, path, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else {
      totals.failed += 1;
      totals.failures.push({
        test: [...path, test.name].join(' › '),
        error: test.error?.message ?? 'failed',
      });
    }
  }
  for (const child of suite.suites ?? []) walk(child, [...path, child.name], totals);
}
