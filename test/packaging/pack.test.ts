// Packages a registry would accept (issue 16): the four workspaces packed with `npm pack` (from
// the last `npm run build`), installed from their tarballs into a throwaway project with
// `npm install --offline` (dependencies from the npm cache, see consumer-lock.ts), then checked as
// a user would meet them: publint and @arethetypeswrong/cli clean, every export entry imported in
// Node, and a tiny consumer type-checked with moduleResolution bundler and node16.
//
//   npm run build && npm run test:packages
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { consumerLock } from './consumer-lock.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const WORKSPACES = ['core', 'elements', 'react', 'embed'] as const;
/** Installed beside them, as a vendor would: for the framework type checks (@microcred/react brings react) and, for @microcred/elements/ssr.js, its optional peer @lit-labs/ssr. */
const CONSUMER_EXTRAS = ['@types/react', 'vue', 'svelte', 'solid-js', '@lit-labs/ssr'];
const bin = (pkg: string, file: string) => join(repo, 'node_modules', pkg, file);

interface Packed {
  name: string;
  filename: string;
  integrity: string;
  files: { path: string }[];
}
let dir = '';
let consumer = '';
const packed = new Map<string, Packed>();
const installed = (w: string) => join(consumer, 'node_modules/@microcred', w);

before(async () => {
  for (const w of WORKSPACES)
    assert.ok(
      existsSync(join(repo, 'packages', w, 'dist')),
      `packages/${w}/dist is missing: npm run build first`,
    );
  dir = mkdtempSync(join(tmpdir(), 'mc-pack-'));
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--pack-destination', dir, ...WORKSPACES.flatMap((w) => ['-w', `packages/${w}`])],
    { cwd: repo, maxBuffer: 64 << 20 },
  );
  for (const p of JSON.parse(stdout) as Packed[]) packed.set(p.name.split('/')[1]!, p);
  consumer = join(dir, 'consumer');
  const lock = consumerLock(
    JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')),
    WORKSPACES.map((w) => ({
      name: `@microcred/${w}`,
      location: `packages/${w}`,
      resolved: `file:../${packed.get(w)!.filename}`,
      integrity: packed.get(w)!.integrity,
    })),
    'consumer',
    CONSUMER_EXTRAS,
  );
  await run('mkdir', [consumer]);
  writeFileSync(join(consumer, 'package-lock.json'), JSON.stringify(lock, null, 2));
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: lock.packages['']!.dependencies,
    }),
  );
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: consumer });
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The concrete subpaths of a package's exports map, wildcards expanded over its installed files. */
function entries(w: string): string[] {
  const pkg = JSON.parse(readFileSync(join(installed(w), 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, string>>;
  };
  return Object.entries(pkg.exports).flatMap(([key, value]) => {
    if (!key.includes('*')) return [key];
    const target = typeof value === 'string' ? value : value['import']!;
    const re = new RegExp(`^${target.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace('*', '([^/]+)')}$`);
    const files = (function walk(d: string): string[] {
      return readdirSync(join(installed(w), d), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
      );
    })('dist');
    return files.flatMap((f) => {
      const m = re.exec(f);
      return m ? [key.replace('*', m[1]!)] : [];
    });
  });
}

describe('packed packages', () => {
  for (const w of WORKSPACES) {
    it(`@microcred/${w} ships LICENSE, README, dist; no Vite manifest, no declaration maps`, () => {
      const files = packed.get(w)!.files.map((f) => f.path);
      for (const f of ['LICENSE', 'README.md', 'package.json']) assert.ok(files.includes(f), `${f} missing`);
      assert.ok(files.some((f) => f.startsWith('dist/')));
      assert.deepEqual(
        files.filter((f) => f.includes('.vite/') || f.endsWith('.d.ts.map')),
        [],
      );
      // JS source maps carry their sources, so they need no unshipped src/.
      for (const f of files.filter((f) => f.endsWith('.js.map'))) {
        const map = JSON.parse(readFileSync(join(installed(w), f), 'utf8')) as {
          sources: string[];
          sourcesContent?: (string | null)[];
        };
        assert.equal(map.sourcesContent?.filter((c) => typeof c === 'string').length, map.sources.length, f);
      }
    });

    it(`@microcred/${w}: publint finds nothing (errors, warnings or suggestions)`, async () => {
      const tarball = readFileSync(join(dir, packed.get(w)!.filename));
      const { messages, pkg } = await publint({
        pack: {
          tarball: tarball.buffer.slice(
            tarball.byteOffset,
            tarball.byteOffset + tarball.length,
          ) as ArrayBuffer,
        },
        level: 'suggestion',
      });
      assert.deepEqual(
        messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false })}`),
        [],
      );
    });

    it(`@microcred/${w}: attw (ESM-only profile) finds no problem in any entry`, async () => {
      const extra = entries(w).filter((e) => w === 'elements' && /\/mc-[a-z-]+\.js$/.test(e));
      const args = [
        bin('@arethetypeswrong/cli', 'dist/index.js'),
        join(dir, packed.get(w)!.filename),
        '--profile',
        'esm-only',
        '--no-definitely-typed',
        '--format',
        'ascii',
        '--no-color',
        ...(extra.length ? ['--include-entrypoints', ...extra] : []),
      ];
      const r = await run(process.execPath, args, { maxBuffer: 64 << 20 }).catch(
        (e: { stdout?: string; code?: number }) => e,
      );
      assert.equal('code' in r ? r.code : 0, 0, r.stdout);
      if (w !== 'embed') assert.doesNotMatch(r.stdout ?? '', /does not contain types/);
    });
  }

  it('every export entry of core, elements and react imports in Node; embed entries resolve to shipped files', async () => {
    const specs = (w: string) =>
      entries(w)
        .filter((e) => e !== './package.json' && !e.endsWith('.json'))
        .map((e) => `@microcred/${w}${e === '.' ? '' : e.slice(1)}`);
    const script = `
      const failures = [];
      for (const s of ${JSON.stringify([...specs('core'), ...specs('elements'), ...specs('react')])})
        await import(s).catch((e) => failures.push(s + ': ' + e.message));
      const { existsSync } = await import('node:fs');
      for (const s of ${JSON.stringify(specs('embed'))}) {
        try { if (!existsSync(new URL(import.meta.resolve(s)))) failures.push(s + ': no file'); }
        catch (e) { failures.push(s + ': ' + e.message); }
      }
      // every @microcred/core subpath the elements import (statically or on demand) is exported
      const { readFileSync, readdirSync } = await import('node:fs');
      const root = new URL('./node_modules/@microcred/elements/dist/', import.meta.url);
      for (const f of readdirSync(root, { recursive: true }).filter((f) => f.endsWith('.js')))
        for (const [, s] of readFileSync(new URL(f, root), 'utf8').matchAll(/["'](@microcred\\/core[^"']*)["']/g))
          try { import.meta.resolve(s); } catch (e) { failures.push(f + ' imports ' + s + ': ' + e.message); }
      console.log(JSON.stringify(failures));`;
    writeFileSync(join(consumer, 'import-all.mjs'), script);
    const { stdout } = await run(process.execPath, ['import-all.mjs'], { cwd: consumer });
    assert.deepEqual(JSON.parse(stdout.trim().split('\n').pop()!), []);
  });

  for (const [resolution, module] of [
    ['bundler', 'preserve'],
    ['node16', 'node16'],
  ] as const) {
    it(`a consumer type-checks with moduleResolution ${resolution} (skipLibCheck off)`, async () => {
      const manifest = JSON.parse(
        readFileSync(join(installed('elements'), 'custom-elements.json'), 'utf8'),
      ) as {
        modules: { declarations?: { name: string; tagName?: string }[] }[];
      };
      const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName));
      const specs = (['core', 'elements', 'react'] as const).flatMap((w) =>
        entries(w)
          .filter((e) => !e.endsWith('.json'))
          .map((e) => `@microcred/${w}${e === '.' ? '' : e.slice(1)}`),
      );
      const imports = specs.map((s, i) => `import * as m${i} from '${s}';\nvoid m${i};`);
      const src = [
        ...imports,
        `import type { ${tags.map((t) => t.name).join(', ')} } from '@microcred/elements';`,
        `import { normalizeCredential, type CredentialView } from '@microcred/core';`,
        `export const view: CredentialView = normalizeCredential({});`,
        ...tags.map((t, i) => `export const e${i}: ${t.name} = document.createElement('${t.tagName}');`),
      ].join('\n');
      writeFileSync(join(consumer, `check-${resolution}.ts`), src);
      // React 19 JSX: the tags typed by @microcred/elements/react-jsx, and the @microcred/react wrappers.
      writeFileSync(
        join(consumer, `check-${resolution}-react.tsx`),
        [
          `import type {} from '@microcred/elements/react-jsx';`,
          `import { McCredentialCard, McVerifyButton } from '@microcred/react';`,
          `export const tag = <mc-credential-card heading-level="2" variant="compact" onmc-load={(e) => e.view.name} />;`,
          `export const wrapped = <McCredentialCard headingLevel={2} onMcLoad={(e) => e.view.name}><McVerifyButton slot="status" onMcVerified={(e) => e.outcome} /></McCredentialCard>;`,
          `// @ts-expect-error headingLevel is a number`,
          `export const wrong = <mc-credential-card headingLevel="two" />;`,
        ].join('\n'),
      );
      writeFileSync(
        join(consumer, `tsconfig.${resolution}.json`),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'es2022',
            lib: ['es2022', 'dom', 'dom.iterable'],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            jsx: 'react-jsx',
            types: [],
          },
          files: [`check-${resolution}.ts`, `check-${resolution}-react.tsx`],
        }),
      );
      const r = await run(
        process.execPath,
        [bin('typescript', 'bin/tsc'), '-p', `tsconfig.${resolution}.json`],
        {
          cwd: consumer,
          maxBuffer: 64 << 20,
        },
      ).catch((e: { stdout?: string; code?: number }) => e);
      assert.equal('code' in r ? r.code : 0, 0, r.stdout);
    });
  }
});
