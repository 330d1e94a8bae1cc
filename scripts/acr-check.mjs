#!/usr/bin/env node
// Checks the Accessibility Conformance Report (docs/accessibility/ACR.md) against the criteria it
// must cover (scripts/acr-criteria.json) and the tests it cites, so the report cannot drift:
//
// - every criterion has exactly one row, in its table (A, AA, or the WCAG 2.2 additions), with a
//   VPAT conformance term;
// - every row that claims anything (all but "Not Applicable") cites at least one test, as a link
//   `[file › test name fragment](../../test/…)`, and the linked file exists and contains the fragment;
// - a "Partially Supports" or "Does Not Support" row says why (a remark naming the defect).
//
// Prints one line per problem and exits 1 when there is any.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const reportPath = 'docs/accessibility/ACR.md';
const report = readFileSync(reportPath, 'utf8');
const { criteria } = JSON.parse(readFileSync('scripts/acr-criteria.json', 'utf8'));
const terms = ['Supports', 'Partially Supports', 'Does Not Support', 'Not Applicable'];
const tables = { A: 'Table 1', AA: 'Table 2', 2.2: 'Table 3' };

/** The table each row sits in, from the `### Table N` heading above it. */
const rows = [];
let table = '';
for (const line of report.split('\n')) {
  const heading = /^### (Table \d)/.exec(line);
  if (heading) table = heading[1];
  const row = /^\| (\d\.\d+\.\d+) ([^|]+?) \| ([^|]+?) \| (.*) \|$/.exec(line);
  if (row) rows.push({ table, id: row[1], name: row[2], level: row[3], remarks: row[4] });
}

const problems = [];
for (const c of criteria) {
  const found = rows.filter((r) => r.id === c.id);
  if (found.length !== 1) {
    problems.push(`${c.id} ${c.name}: ${found.length} rows (want 1)`);
    continue;
  }
  const [r] = found;
  if (r.table !== tables[c.table])
    problems.push(`${c.id}: in ${r.table || 'no table'}, belongs in ${tables[c.table]}`);
  if (!r.name.startsWith(`${c.name} (Level ${c.level})`))
    problems.push(`${c.id}: named "${r.name}", want "${c.name} (Level ${c.level})"`);
  if (!terms.includes(r.level)) problems.push(`${c.id}: "${r.level}" is not a VPAT conformance term`);
  const links = [...r.remarks.matchAll(/\[([^\]]+?) › ([^\]]+)\]\(([^)]+)\)/g)];
  if (r.level !== 'Not Applicable' && links.length === 0)
    problems.push(`${c.id}: claims "${r.level}" but cites no test`);
  if (/Partially|Does Not/.test(r.level) && !/defect/i.test(r.remarks))
    problems.push(`${c.id}: "${r.level}" without the defect that makes it so`);
  for (const [, , fragment, href] of links) {
    const file = resolve(dirname(reportPath), href);
    if (!existsSync(file)) {
      problems.push(`${c.id}: cites ${href}, which does not exist`);
      continue;
    }
    const source = readFileSync(file, 'utf8');
    if (!source.includes(fragment.replaceAll('\\', '')))
      problems.push(`${c.id}: ${href} has no test "${fragment}"`);
  }
}
for (const r of rows)
  if (!criteria.some((c) => c.id === r.id))
    problems.push(`${r.id}: a row for a criterion the report does not cover`);

for (const p of problems) console.log(`  ✗ ACR ${p}`);
console.log(`ACR: ${criteria.length} criteria, ${rows.length} rows, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
