#!/usr/bin/env node
// Checks packages/elements/custom-elements.json, which `npm run build` generates from JSDoc (and
// ships): every registered tag is documented (summary, and a description for every public
// attribute, event, slot, part and custom property), every module path is a file the build wrote
// (`dist/*.js`), and each tag has a `custom-element-definition` export in the `mc-<name>.js`
// module that registers it, naming the class declared for that tag. Writes the API tables into
// packages/elements/README.md between the <!-- api:start --> and <!-- api:end --> markers. Exits 1
// when anything is missing.
//
//   node scripts/manifest.mjs [--no-build]
//
// Without --no-build it regenerates the manifest first (the analyzer only, a few seconds; the
// dist paths are then checked against the last build). The gate passes --no-build: the build step
// made it, and this step checks what ships.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { staleFrameworkFiles } from './framework-types.mjs';

const pkg = 'packages/elements';
const manifestPath = join(pkg, 'custom-elements.json');
if (!process.argv.includes('--no-build')) {
  const r = spawnSync(
    'npx',
    ['custom-elements-manifest', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(1);
}
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing; run npm run build first.`);
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const declarations = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d) => d.customElement || d.tagName),
);

/** Tags registered by packages/elements/src/<name>/mc-<name>.ts files. */
function registeredTags(dir = 'packages/elements/src') {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, `mc-${d.name}.ts`)))
    .map((d) => `mc-${d.name}`);
}

const problems = [];
const sections = [];

// Module paths are the shipped files (package-relative), which the build wrote.
const referenced = new Set();
(function paths(value) {
  if (Array.isArray(value)) value.forEach(paths);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof v === 'string') referenced.add(v);
      else paths(v);
    }
})(manifest.modules);
for (const path of [...referenced].sort()) {
  if (!/^dist\/.+\.js$/.test(path)) problems.push(`module path "${path}" is not a shipped dist/*.js file`);
  else if (!existsSync(join(pkg, path))) problems.push(`module path "${path}" does not exist (build first)`);
}

for (const tag of registeredTags().sort()) {
  const decl = declarations.find((d) => d.tagName === tag);
  if (!decl) {
    problems.push(`${tag}: not in the manifest (is the class JSDoc tagged @tag or @customElement ${tag}?)`);
    continue;
  }
  if (!decl.summary) problems.push(`${tag}: missing @summary`);
  const name = tag.slice('mc-'.length);
  const registering = manifest.modules.find((m) => m.path === `dist/${name}/${tag}.js`);
  const definition = registering?.exports?.find(
    (e) => e.kind === 'custom-element-definition' && e.name === tag,
  );
  const declaring = manifest.modules.find((m) => m.path === definition?.declaration?.module);
  if (!definition) problems.push(`${tag}: dist/${name}/${tag}.js has no custom-element-definition export`);
  else if (!declaring?.declarations?.some((d) => d.name === definition.declaration.name && d.tagName === tag))
    problems.push(
      `${tag}: its definition names ${definition.declaration.name} in ${definition.declaration.module}, which does not declare it`,
    );
  const publicMembers = (decl.members ?? []).filter(
    (m) =>
      m.kind === 'field' &&
      !m.static &&
      m.privacy !== 'private' &&
      m.privacy !== 'protected' &&
      !m.name.startsWith('_'),
  );
  const rows = (list, cols) =>
    list
      .map(
        (item) =>
          `| ${cols
            .map((c) =>
              String(c(item) ?? '')
                .replace(/\|/g, '\\|')
                .replace(/\n/g, ' '),
            )
            .join(' | ')} |`,
      )
      .join('\n');
  const need = (kind, list) =>
    list.forEach((i) => !i.description && problems.push(`${tag}: ${kind} "${i.name}" has no description`));
  need('property', publicMembers);
  need('event', decl.events ?? []);
  need('slot', decl.slots ?? []);
  need('part', decl.cssParts ?? []);
  need('custom property', decl.cssProperties ?? []);
  let s = `### \`<${tag}>\`\n\n${decl.summary ?? ''}\n`;
  if (publicMembers.length)
    s += `\n| Property | Attribute | Type | Default | Description |\n|---|---|---|---|---|\n${rows(
      publicMembers,
      [
        (m) => `\`${m.name}\``,
        (m) => (decl.attributes ?? []).find((a) => a.fieldName === m.name)?.name ?? '',
        (m) => (m.type?.text ? `\`${m.type.text}\`` : ''),
        (m) => (m.default ? `\`${m.default}\`` : ''),
        (m) => m.description,
      ],
    )}\n`;
  if (decl.events?.length)
    s += `\n| Event | Description |\n|---|---|\n${rows(decl.events, [(e) => `\`${e.name}\``, (e) => e.description])}\n`;
  if (decl.slots?.length)
    s += `\n| Slot | Description |\n|---|---|\n${rows(decl.slots, [(e) => (e.name ? `\`${e.name}\`` : '(default)'), (e) => e.description])}\n`;
  if (decl.cssParts?.length)
    s += `\n| Part | Description |\n|---|---|\n${rows(decl.cssParts, [(e) => `\`${e.name}\``, (e) => e.description])}\n`;
  if (decl.cssProperties?.length)
    s += `\n| Custom property | Default | Description |\n|---|---|---|\n${rows(decl.cssProperties, [(e) => `\`${e.name}\``, (e) => (e.default ? `\`${e.default}\`` : ''), (e) => e.description])}\n`;
  if (decl.cssStates?.length)
    s += `\n| Custom state | Description |\n|---|---|\n${rows(decl.cssStates, [(e) => `\`:state(${e.name})\``, (e) => e.description])}\n`;
  sections.push(s);
}

const readmePath = join(pkg, 'README.md');
let readme;
try {
  readme = readFileSync(readmePath, 'utf8');
} catch {
  readme =
    '# @microcred/elements\n\nThe Microcred web components. See the repository README for usage.\n\n## API\n\n<!-- api:start -->\n<!-- api:end -->\n';
}
const api = `<!-- api:start -->\n<!-- Generated by scripts/manifest.mjs from the Custom Elements Manifest. Do not edit. -->\n\n${sections.join('\n')}\n<!-- api:end -->`;
readme = readme.replace(/<!-- api:start -->[\s\S]*<!-- api:end -->/, api);
writeFileSync(readmePath, readme);

// The framework types (React, Vue, Svelte, Solid) and the React wrappers follow the manifest.
for (const path of await staleFrameworkFiles(manifest))
  problems.push(`${path} is out of date with the manifest (run node scripts/framework-types.mjs)`);

if (problems.length) {
  console.error(`Custom Elements Manifest: documentation incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Custom Elements Manifest: ${sections.length} element(s) documented.`);
