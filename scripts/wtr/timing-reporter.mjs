// A web-test-runner reporter that times every test file (from the moment its page starts loading to
// the moment its results are in), writes [{ file, ms }] (slowest first) to a JSON file, and prints
// the slowest files at the end of the run — so a slow file is seen before it hits a timeout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/** @param {{ outFile: string, top?: number }} options */
export function timingReporter({ outFile, top = 10 }) {
  const started = new Map();
  const took = new Map();
  return {
    start({ sessions }) {
      sessions.on('session-status-updated', (session) => {
        if (session.status !== 'FINISHED' && session.status !== 'SCHEDULED' && !started.has(session.id))
          started.set(session.id, [session.testFile, performance.now()]);
        if (session.status === 'FINISHED' && started.has(session.id)) {
          const [file, t0] = started.get(session.id);
          took.set(file, Math.round(performance.now() - t0));
        }
      });
    },
    onTestRunFinished() {
      const rows = [...took]
        .map(([file, ms]) => ({ file: relative(process.cwd(), file), ms }))
        .sort((a, b) => b.ms - a.ms);
      mkdirSync(dirname(outFile), { recursive: true });
      writeFileSync(outFile, JSON.stringify(rows, null, 2));
      if (rows.length === 0) return;
      console.log(`\nSlowest test files (of ${rows.length}):`);
      for (const { file, ms } of rows.slice(0, top))
        console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
    },
  };
}
