// A node:test reporter that times every test file: from the moment the runner starts it (the file's
// own `test:dequeue`; node runs each file in its own process) to its last event, loading included.
// Yields [{ file, ms }] as JSON, slowest first. Used with --test-reporter-destination=<file>.
import { relative } from 'node:path';

export default async function* timing(source) {
  const spans = new Map();
  for await (const event of source) {
    const file = event.data?.file;
    if (!file) continue;
    const now = performance.now();
    const span = spans.get(file);
    if (span) span[1] = now;
    else if (event.type === 'test:dequeue') spans.set(file, [now, now]);
  }
  const rows = [...spans]
    .map(([file, [t0, t1]]) => ({ file: relative(process.cwd(), file), ms: Math.round(t1 - t0) }))
    .sort((a, b) => b.ms - a.ms);
  yield JSON.stringify(rows, null, 2);
}
