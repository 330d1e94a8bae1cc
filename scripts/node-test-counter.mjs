// A node:test reporter that yields one JSON object { passed, failed, skipped, failures } at the end.
// Used with --test-reporter-destination=<file> next to the spec reporter on stdout.
// Counts leaf tests only (describe() suites are not tests); a file that fails to load counts as a failure.
export default async function* counter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') {
      // A suite that fails without failing tests (e.g. a throw in describe/before) must still count.
      if (event.type === 'test:fail' && data.details?.error?.failureType !== 'subtestsFailed') {
        totals.failed += 1;
        totals.failures.push({
          test: `${data.file ?? ''} › ${data.name}`,
          error: String(data.details?.error?.message ?? 'suite failed'),
        });
      }
      continue;
    }
    if (data.skip || data.todo) totals.skipped += 1;
    else if (event.type === 'test:pass') totals.passed += 1;
    else {
      totals.failed += 1;
      totals.failures.push({
        test: `${data.file ?? ''} › ${data.name}`,
        error: String(data.details?.error?.cause?.message ?? data.details?.error?.message ?? 'failed'),
      });
    }
  }
  yield JSON.stringify(totals);
}
