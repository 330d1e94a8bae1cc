/**
 * CSV catalogs: what a district can publish from a spreadsheet. A small RFC 4180 parser (quoted
 * fields, `""` escapes, line breaks inside quotes, CRLF/LF/CR, a byte-order mark; `,`, `;` or tab
 * as the delimiter, detected from the header) and the documented column mapping (README, "Data
 * formats").
 */
import { McError } from '../model/errors.js';
import { addEntries, readCatalogEntry } from './feed.js';
import type { Catalog, CatalogIssue } from './types.js';

/** One character that `String.prototype.trim` removes (`\s` is the same set). */
const SPACE = /^\s$/;

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
  /** Whether `fieldText` is all whitespace (kept as we go: trimming it at every quote was quadratic). */
  let blank = true;
  let quoted = false;
  let i = 0;
  const endRow = (): void => {
    row.push(fieldText);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    fieldText = '';
    blank = true;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          fieldText += '"';
          blank = false;
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        fieldText += c;
        if (blank && !SPACE.test(c)) blank = false;
      }
      i++;
      continue;
    }
    if (c === '"' && blank) {
      quoted = true;
      fieldText = '';
    } else if (c === sep) {
      row.push(fieldText);
      fieldText = '';
      blank = true;
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && src[i + 1] === '\n') i++;
    } else {
      fieldText += c;
      if (blank && !SPACE.test(c)) blank = false;
    }
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
  // A scan, not /^([\w\s-]+):\s*(.+)$/: its overlapping `\s*(.+)` was quadratic on long whitespace.
  const colon = text.indexOf(':');
  const kind = text
    .slice(0, Math.max(colon, 0))
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const name = text.slice(colon + 1).trim();
  return colon > 0 && name && EVIDENCE_KINDS.includes(kind) ? { name, kind } : { name: text };
}

/** The start of a skill's URL in parentheses: `(http://` or `(https://`. */
const URL_OPEN = /\(https?:\/\//g;

/**
 * `Name (https://…)` split into the name and the URL (no whitespace or `)` in it) when the text
 * ends so. A scan: the pattern it replaces, /^(.*?)\s*\((https?:\/\/[^\s)]+)\)$/, was quadratic.
 */
function splitUrl(text: string): { name: string; url?: string } {
  if (!text.endsWith(')')) return { name: text };
  // The URL is inside the last run of characters other than whitespace and `)` before the final `)`.
  let runStart = text.length - 1;
  while (runStart > 0 && !SPACE.test(text[runStart - 1]!) && text[runStart - 1] !== ')') runStart--;
  const run = text.slice(runStart, -1);
  URL_OPEN.lastIndex = 0;
  for (let m = URL_OPEN.exec(run); m; m = URL_OPEN.exec(run)) {
    const url = run.slice(m.index + 1);
    if (url.length > m[0].length - 1)
      return { name: (text.slice(0, runStart) + run.slice(0, m.index)).trim(), url };
    break; // later matches only leave less after them
  }
  return { name: text };
}

/** `Name (https://…)` or `CODE: Name`, as an OB 3.0 Alignment. */
function skillItem(text: string): Record<string, unknown> {
  const { name, url } = splitUrl(text);
  const alignment: Record<string, unknown> = { type: ['Alignment'], targetName: name };
  if (url) alignment['targetUrl'] = url;
  // `CODE: Name`: a code (/^[A-Z0-9][\w.-]*$/, no overlap with what follows), a colon, whitespace.
  const colon = name.indexOf(':');
  const rest = name.slice(colon + 1);
  if (colon > 0 && /^[A-Z0-9][\w.-]*$/.test(name.slice(0, colon)) && SPACE.test(rest[0] ?? '') && rest.trim())
    Object.assign(alignment, { targetCode: name.slice(0, colon), targetName: rest.trim() });
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
