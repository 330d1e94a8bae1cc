#!/usr/bin/env node
// `npm run build:wordpress [-- --zip]`: makes packages/wordpress a complete plugin from the embed
// build (run `npm run build` first). The plugin serves the element scripts itself, so:
//   packages/embed/dist/{elements,chunks}  → packages/wordpress/dist/{elements,chunks}
//   packages/wordpress/languages/microcred-es.po → packages/wordpress/dist/languages/microcred-es.{mo,json}
// packages/wordpress/dist/ is git-ignored, like every dist/. With --zip it also writes
// dist/microcred-wordpress-<version>.zip: the `microcred/` folder a site owner uploads in
// Plugins → Add New → Upload Plugin (nothing to build on their side).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const plugin = 'packages/wordpress';
const embedDist = 'packages/embed/dist';

/** The plugin's version, from its main file's header. */
export function pluginVersion() {
  const m = /^\s*\*\s*Version:\s*(\S+)/m.exec(readFileSync(join(plugin, 'microcred.php'), 'utf8'));
  if (!m) throw new Error(`${plugin}/microcred.php has no Version header`);
  return m[1];
}

/**
 * Reads a gettext .po file: entries with optional context, msgid and msgstr (no plurals: the
 * plugin has none). The header entry (empty msgid) is kept.
 * @param {string} text
 * @returns {{ context?: string, id: string, str: string }[]}
 */
export function readPo(text) {
  const entries = [];
  let entry = {};
  let field = '';
  const unquote = (s) => JSON.parse(s.replace(/\\(?!["\\ntr])/g, '\\\\')); // a .po string is a C string; JSON reads the same escapes
  const flush = () => {
    if (entry.id !== undefined && entry.str !== undefined) entries.push(entry);
    entry = {};
    field = '';
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      if (line === '' && entry.str !== undefined) flush();
      continue;
    }
    const m = /^(msgctxt|msgid|msgstr)\s+(".*")$/.exec(line);
    if (m) {
      if (m[1] === 'msgctxt' || (m[1] === 'msgid' && entry.str !== undefined)) flush();
      field = { msgctxt: 'context', msgid: 'id', msgstr: 'str' }[m[1]];
      entry[field] = unquote(m[2]);
    } else if (line.startsWith('"') && field) entry[field] += unquote(line);
    else throw new Error(`cannot read .po line: ${raw}`);
  }
  flush();
  return entries;
}

/** The key gettext looks an entry up by: `context\u0004id`, or the id. */
const key = (e) => (e.context ? `${e.context}\u0004${e.id}` : e.id);

/**
 * A GNU .mo file (little-endian, no hash table) of the entries, as WordPress's MO reader loads it.
 * @param {{ context?: string, id: string, str: string }[]} entries
 */
export function writeMo(entries) {
  const sorted = entries
    .filter((e) => e.str !== '' || e.id === '')
    .map((e) => [Buffer.from(key(e)), Buffer.from(e.str)])
    .sort((a, b) => Buffer.compare(a[0], b[0]));
  const n = sorted.length;
  const header = 28;
  const tables = header + n * 16;
  const head = Buffer.alloc(tables);
  head.writeUInt32LE(0x950412de, 0);
  head.writeUInt32LE(0, 4);
  head.writeUInt32LE(n, 8);
  head.writeUInt32LE(header, 12);
  head.writeUInt32LE(header + n * 8, 16);
  head.writeUInt32LE(0, 20);
  head.writeUInt32LE(tables, 24);
  const strings = [];
  let offset = tables;
  for (const column of [0, 1])
    sorted.forEach((pair, i) => {
      const s = pair[column];
      head.writeUInt32LE(s.length, header + column * n * 8 + i * 8);
      head.writeUInt32LE(offset, header + column * n * 8 + i * 8 + 4);
      strings.push(s, Buffer.from([0]));
      offset += s.length + 1;
    });
  return Buffer.concat([head, ...strings]);
}

/**
 * The Jed JSON that wp_set_script_translations() hands to wp.i18n (what `wp i18n make-json` writes).
 * @param {{ context?: string, id: string, str: string }[]} entries
 */
export function writeJed(entries, lang) {
  const messages = { '': { domain: 'messages', lang, 'plural-forms': 'nplurals=2; plural=(n != 1);' } };
  for (const e of entries) if (e.id !== '' && e.str !== '') messages[key(e)] = [e.str];
  return JSON.stringify({ domain: 'messages', locale_data: { messages } });
}

/** Every file under `dir`, as paths relative to `base`. */
function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, base) : [relative(base, path)];
  });
}

/**
 * A zip archive (deflate) of `entries` (path inside the zip → contents).
 * @param {[string, Buffer][]} entries
 */
export function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00: reproducible archives
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(0x00210000, 12);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

/** Copies the embed build into the plugin and compiles its translation; returns the plugin's files. */
export function buildWordpress() {
  if (!existsSync(join(embedDist, 'elements')))
    throw new Error(`${embedDist}/elements is missing: run \`npm run build\` first`);
  const out = join(plugin, 'dist');
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['elements', 'chunks']) cpSync(join(embedDist, dir), join(out, dir), { recursive: true });
  mkdirSync(join(out, 'languages'), { recursive: true });
  const po = readPo(readFileSync(join(plugin, 'languages/microcred-es.po'), 'utf8'));
  writeFileSync(join(out, 'languages/microcred-es.mo'), writeMo(po));
  writeFileSync(join(out, 'languages/microcred-es.json'), writeJed(po, 'es'));
  return files(plugin).filter((f) => !f.endsWith('.zip'));
}

/**
 * Builds the plugin and writes its zip: the `microcred/` folder, as WordPress's Upload Plugin expects.
 * @param {string} file Where to write the zip.
 * @returns {number} The zip's size in bytes.
 */
export function packWordpress(file) {
  const list = buildWordpress().sort();
  const archive = zip(list.map((f) => [`microcred/${f}`, readFileSync(join(plugin, f))]));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, archive);
  return archive.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (process.argv.includes('--zip')) {
      const name = `dist/microcred-wordpress-${pluginVersion()}.zip`;
      console.log(`${name}: ${(packWordpress(name) / 1024).toFixed(0)} KB`);
    } else {
      const list = buildWordpress();
      console.log(`packages/wordpress: ${list.length} files (dist/ copied from ${embedDist})`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
