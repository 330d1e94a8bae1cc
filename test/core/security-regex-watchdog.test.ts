/**
 * A watchdog over the issue's own pumping inputs (issue 11 item 10): regex-safety.test.ts checks
 * each case answers within 1 s, but a regular expression runs synchronously, so a regression to an
 * exponential pattern (the old isSvg took about two hours on 40 comments) would never reach that
 * check — the test file, and the gate, would hang. Here the same inputs run in a child process that
 * is killed after WATCHDOG_MS, so a regression FAILS, naming the case that did not finish.
 *
 * The bound is a watchdog, not a benchmark: the work is milliseconds today (the child's start,
 * about 1–4 s under tsx on a loaded machine, is most of it); an exponential pattern takes hours.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const WATCHDOG_MS = 60_000;

/** Runs `cases` (module code that prints one line per finished case) in a child under the watchdog. */
function runGuarded(code: string): { lines: string[]; killed: boolean; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: process.cwd(),
    timeout: WATCHDOG_MS,
    killSignal: 'SIGKILL',
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return {
    lines: r.stdout.split('\n').filter(Boolean),
    killed: r.signal === 'SIGKILL',
    stderr: r.stderr,
  };
}

describe('the issue’s pumping inputs finish (a catastrophic pattern fails here instead of hanging the gate)', () => {
  it('isSvg and verifyCredential on <!----> ×40 + x; the CSV skills and evidence cells; parseCsv quotes', () => {
    // Each case prints its name and answer when it finishes.
    const code = `
      import { isSvg, verifyCredential, parseCatalogCsv, parseCsv } from '@microcred/core';
      const done = (name, value) => process.stdout.write(JSON.stringify([name, value]) + '\\n');
      const comments = '<!---->'.repeat(40) + 'x';
      done('isSvg', isSvg(comments));
      const report = await verifyCredential(comments, {
        now: new Date('2026-01-01T00:00:00Z'),
        fetch: () => Promise.reject(new Error('no network in this test')),
      });
      done('verifyCredential', report.checks[0]?.code);
      const csv = (column, cell) => 'id,name,' + column + '\\nhttps://example.org/a/1,One,"' + cell.replace(/"/g, '""') + '"\\n';
      done('skills-141KB', parseCatalogCsv(csv('skills', 'Reading' + ' '.repeat(141000) + 'words (https://example.org/s/1)')).entries[0]?.skills[0]?.url);
      done('skills-urls', parseCatalogCsv(csv('skills', '(http://'.repeat(40000))).entries[0]?.skills.length);
      done('evidence', parseCatalogCsv(csv('evidence', 'video:' + ' '.repeat(100000) + '\\rx\\ry')).entries[0]?.requiredEvidence[0]?.kind);
      done('parseCsv', parseCsv('a,b\\n' + ' '.repeat(40000) + 'x' + '"'.repeat(40000) + ',y\\n')[1]?.[1]);
    `;
    const { lines, killed, stderr } = runGuarded(code);
    const finished = lines.map((l) => JSON.parse(l) as [string, unknown]);
    const last = finished.at(-1)?.[0] ?? 'none';
    assert.ok(
      !killed,
      `killed after ${WATCHDOG_MS / 1000} s: the case after "${last}" did not finish — catastrophic backtracking?`,
    );
    assert.deepEqual(
      finished,
      [
        ['isSvg', false],
        ['verifyCredential', 'unbake'],
        ['skills-141KB', 'https://example.org/s/1'],
        ['skills-urls', 1],
        ['evidence', 'video'],
        ['parseCsv', 'y'],
      ],
      stderr,
    );
  });
});
