/**
 * CSV catalogs: what a district can publish from a spreadsheet. A small RFC 4180 parser (quoted
 * fields, `""` escapes, line breaks inside quotes, CRLF/LF/CR, a byte-order mark; `,`, `;` or tab
 * as the delimiter, detected from the header) and the documented column mapping (README, "Data
 * formats").
 */
import { McError } from '../model/errors.js';
import { addEntries, readCatalogEntry } from './feed.js';
import type { Catalog, CatalogIssue } from './types.js';

/** Largest CSV accepted (characters). */
export const MAX_CSV_LENGTH = 5_000_000;

/**
 * Parses CSV text into rows of fields (RFC 4180). An unterminated quote runs to the end of the
 * text. Fully empty lines are skipped.
 */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = delimiter ?? detectDelimiter(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let quoted = false;
  let i = 0;
  const endRow = (): void => {
    row.push(fieldText);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    fieldText = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          fieldText += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else fieldText += c;
      i++;
      continue;
    }
    if (c === '"' && fieldText.trim() === '') {
      quoted = true;
      fieldText = '';
    } else if (c === sep) {
      row.push(fieldText);
      fieldText = '';
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && src[i + 1] === '\n') i++;
    } else fieldText += c;
    i++;
  }
  if (fieldText !== '' || row.length) endRow();
  return rows;
}

/** The delimiter of the first line: the most frequent of `,`, `;` and tab outside quotes. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/** Column name → canonical column. Headers are compared lower case with spaces/dashes as `_`. */
const COLUMNS: Record<string, string> = {
  id: 'id',
  url: 'id',
  name: 'name',
  title: 'name',
  description: 'description',
  achievement_type: 'achievement_type',
  type: 'achievement_type',
  image: 'image',
  image_url: 'image',
  image_alt: 'image_alt',
  criteria: 'criteria',
  how_to_earn: 'criteria',
  criteria_url: 'criteria_url',
  effort: 'effort',
  duration: 'effort',
  effort_hours: 'effort_hours',
  hours: 'effort_hours',
  format: 'format',
  registration_url: 'registration_url',
  registration_link: 'registration_url',
  register: 'registration_url',
  registration_opens: 'registration_opens',
  opens: 'registration_opens',
  registration_closes: 'registration_closes',
  closes: 'registration_closes',
  cost: 'cost',
  seats: 'seats',
  subjects: 'subjects',
  subject: 'subjects',
  grade_bands: 'grade_bands',
  grade_band: 'grade_bands',
  grades: 'grade_bands',
  audience: 'audience',
  stacks: 'stacks',
  stack: 'stacks',
  skills: 'skills',
  standards: 'skills',
  evidence: 'evidence',
  required_evidence: 'evidence',
  language: 'language',
  tags: 'tags',
  keywords: 'tags',
  issuer_name: 'issuer_name',
  issuer: 'issuer_name',
  issuer_url: 'issuer_url',
  published: 'published',
};

const split = (v: string | undefined): string[] =>
  (v ?? '')
    .split(/[;|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "10 hours", "90 min", "1.5 h", "2 days" or an ISO 8601 duration → ISO 8601. */
export function toIsoDuration(value: string): string {
  const v = value.trim();
  if (/^P/i.test(v)) return v.toUpperCase();
  const m =
    /^(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|horas?|m|min|mins|minutes?|minutos?|d|days?|d[ií]as?|w|weeks?|semanas?)?$/i.exec(
      v,
    );
  if (!m) return v;
  const n = m[1]!.replace(',', '.');
  const unit = (m[2] ?? 'h').toLowerCase();
  if (/^m/.test(unit)) return `PT${n}M`;
  if (/^d/.test(unit)) return `P${n}D`;
  if (/^(w|s)/.test(unit)) return `P${n}W`;
  return `PT${n}H`;
}

const EVIDENCE_KINDS = [
  'lesson-plan',
  'student-work',
  'video',
  'reflection',
  'observation',
  'artifact',
  'other',
];

/** `kind: name` when the prefix is a known evidence kind, otherwise just a name. */
function evidenceItem(text: string): { name: string; kind?: string } {
  const m = /^([\w\s-]+):\s*(.+)$/.exec(text);
  const kind = m?.[1]!
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return m && kind && EVIDENCE_KINDS.includes(kind) ? { name: m[2]!.trim(), kind } : { name: text };
}

/** `Name (https://…)` or `CODE: Name`, as an OB 3.0 Alignment. */
function skillItem(text: string): Record<string, unknown> {
  const withUrl = /^(.*?)\s*\((https?:\/\/[^\s)]+)\)$/.exec(text);
  const name = withUrl ? withUrl[1]!.trim() : text;
  const alignment: Record<string, unknown> = { type: ['Alignment'], targetName: name };
  if (withUrl) alignment['targetUrl'] = withUrl[2];
  const code = /^([A-Z0-9][\w.-]*):\s+(.+)$/.exec(name);
  if (code) Object.assign(alignment, { targetCode: code[1], targetName: code[2] });
  return alignment;
}

/**
 * Reads a CSV catalog (first row = column names; see the README for the columns).
 * @throws {McError} `schema` when there is no `id` or `name` column; `too-large` above {@link MAX_CSV_LENGTH}.
 */
export function parseCatalogCsv(text: string): Catalog {
  if (text.length > MAX_CSV_LENGTH) throw new McError('too-large', 'The CSV catalog is too large.');
  const rows = parseCsv(text);
  const header = (rows.shift() ?? []).map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, ''),
  );
  const columns = header.map((h) => COLUMNS[h]);
  if (!columns.includes('id') || !columns.includes('name'))
    throw new McError(
      'schema',
      'The CSV catalog needs an "id" column and a "name" column in its first row.',
      {
        details: { header },
      },
    );
  const catalog: Catalog = {
    source: 'csv',
    entries: [],
    stacks: [],
    issues: [],
    unmapped: header.filter((h, i) => h && !columns[i]),
  };
  const issues: CatalogIssue[] = catalog.issues;
  const paths: string[] = [];
  const entries = rows.map((cells, r) => {
    const path = `row ${r + 2}`;
    paths.push(path);
    const c: Record<string, string> = {};
    columns.forEach((col, i) => {
      const v = cells[i]?.trim();
      if (col && v && c[col] === undefined) c[col] = v;
    });
    const a: Record<string, unknown> = {
      type: ['Achievement'],
      id: c['id'],
      name: c['name'],
      achievementType: c['achievement_type'] ?? 'MicroCredential',
    };
    if (c['description']) a['description'] = c['description'];
    if (c['image'])
      a['image'] = { id: c['image'], type: 'Image', ...(c['image_alt'] ? { caption: c['image_alt'] } : {}) };
    if (c['criteria'] || c['criteria_url'])
      a['criteria'] = {
        ...(c['criteria_url'] ? { id: c['criteria_url'] } : {}),
        ...(c['criteria'] ? { narrative: c['criteria'] } : {}),
      };
    if (c['effort']) a['effort'] = toIsoDuration(c['effort']);
    else if (c['effort_hours']) a['effort'] = toIsoDuration(`${c['effort_hours']} h`);
    if (c['format']) a['format'] = c['format'].toLowerCase().replace(/[\s_]+/g, '-');
    const reg: Record<string, unknown> = {};
    if (c['registration_url']) reg['url'] = c['registration_url'];
    if (c['registration_opens']) reg['opens'] = c['registration_opens'];
    if (c['registration_closes']) reg['closes'] = c['registration_closes'];
    if (c['cost']) reg['cost'] = c['cost'];
    if (c['seats']) reg['seats'] = /^\d+$/.test(c['seats']) ? Number(c['seats']) : c['seats'];
    if (Object.keys(reg).length) a['registration'] = reg;
    for (const [col, key] of [
      ['subjects', 'subjects'],
      ['grade_bands', 'gradeBands'],
      ['audience', 'audience'],
      ['stacks', 'stacks'],
      ['tags', 'tag'],
    ] as const)
      if (c[col]) a[key] = split(c[col]);
    if (c['skills']) a['alignment'] = split(c['skills']).map(skillItem);
    if (c['evidence']) a['requiredEvidence'] = split(c['evidence']).map(evidenceItem);
    if (c['language']) a['inLanguage'] = c['language'];
    if (c['published']) a['published'] = c['published'];
    if (c['issuer_name'] || c['issuer_url'])
      a['creator'] = {
        type: ['Profile'],
        ...(c['issuer_url'] ? { id: c['issuer_url'], url: c['issuer_url'] } : {}),
        ...(c['issuer_name'] ? { name: c['issuer_name'] } : {}),
      };
    return readCatalogEntry(a, path, issues);
  });
  addEntries(catalog, entries, paths);
  return catalog;
}
