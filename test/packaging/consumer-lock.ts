/**
 * A package-lock.json for a throwaway project that installs our packed tarballs, cut from the
 * repository's own lockfile: every package the three workspaces need at run time, at the exact
 * version, place and integrity the repository installed. With it, `npm install --offline` reads
 * every dependency from the npm cache (which `npm ci` filled) and never asks the registry, whose
 * package documents (version lists) the cache does not hold.
 *
 * The tree is the repository's installed tree re-rooted: a dependency Node finds for
 * `packages/elements` at `node_modules/lit` (or nested at `packages/elements/node_modules/marked`)
 * is placed at `node_modules/lit` (or `node_modules/@microcred/elements/node_modules/marked`),
 * so each package resolves exactly what it resolves in the repository.
 */

/** One `packages` entry of a lockfile (v3). */
interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/** A packed workspace: where it lives in the repository and its tarball. */
export interface PackedWorkspace {
  /** e.g. `@microcred/core` */
  name: string;
  /** e.g. `packages/core` */
  location: string;
  /** The tarball as the consumer's package.json names it, e.g. `file:../microcred-core-0.1.0.tgz`. */
  resolved: string;
  /** `npm pack --json`'s integrity of the tarball. */
  integrity: string;
}

/**
 * The registry address of a package's tarball (the repository's lockfile leaves `resolved` out);
 * npm finds it in its cache by the entry's integrity, so nothing is downloaded.
 */
function registryTarball(location: string, version: string | undefined): string {
  const name = location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/** The folder whose node_modules holds `location` (`''` for the top), or undefined at the top. */
function parentOf(location: string): string | undefined {
  if (location === '') return undefined;
  const i = location.lastIndexOf('node_modules/');
  if (i === -1) return ''; // a workspace folder such as packages/core
  return location.slice(0, Math.max(0, i - 1));
}

/**
 * The consumer's lockfile: a root depending on the tarballs, the tarballs themselves, and every
 * run-time dependency (regular, optional and non-optional peer) reachable from them.
 * Throws when the repository's lockfile lacks one (then the repository itself is not installed).
 */
export function consumerLock(
  repoLock: { packages: Record<string, LockEntry> },
  workspaces: PackedWorkspace[],
  rootName: string,
  /** Packages the repository installed at its top (e.g. `@types/react`) the consumer also depends on. */
  extra: string[] = [],
): { name: string; lockfileVersion: 3; requires: true; packages: Record<string, LockEntry> } {
  const repo = repoLock.packages;
  const byLocation = new Map(workspaces.map((w) => [w.location, w]));
  const byName = new Map(workspaces.map((w) => [w.name, w]));
  /** Repository location → consumer location. */
  const place = (location: string): string => {
    for (const w of workspaces) {
      if (location === w.location) return `node_modules/${w.name}`;
      if (location.startsWith(`${w.location}/`))
        return `node_modules/${w.name}/${location.slice(w.location.length + 1)}`;
    }
    return location;
  };

  const extras = extra.map((name) => {
    const entry = repo[`node_modules/${name}`];
    if (!entry?.version) throw new Error(`package-lock.json has no "node_modules/${name}"`);
    return [name, entry.version] as const;
  });
  const packages: Record<string, LockEntry> = {
    '': {
      name: rootName,
      dependencies: Object.fromEntries([...workspaces.map((w) => [w.name, w.resolved]), ...extras]),
    },
  };
  const queue = [...workspaces.map((w) => w.location), ...extra.map((name) => `node_modules/${name}`)];
  const seen = new Set<string>();
  while (queue.length) {
    const location = queue.shift()!;
    if (seen.has(location)) continue;
    seen.add(location);
    const entry = repo[location];
    if (!entry) throw new Error(`package-lock.json has no entry "${location}"`);
    const workspace = byLocation.get(location);
    const { dev: _dev, devOptional: _devOptional, peer: _peer, devDependencies: _d, ...kept } = entry;
    packages[place(location)] = workspace
      ? {
          ...kept,
          name: workspace.name,
          resolved: workspace.resolved,
          integrity: workspace.integrity,
        }
      : { ...kept, resolved: kept.resolved ?? registryTarball(location, kept.version) };
    const optionalPeers = new Set(
      Object.entries(entry.peerDependenciesMeta ?? {})
        .filter(([, meta]) => meta.optional)
        .map(([name]) => name),
    );
    const needed = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers.has(name)),
    ];
    for (const dep of needed) {
      if (byName.has(dep)) continue; // another of our tarballs, installed at the top
      // Node's lookup: <folder>/node_modules/<dep>, then each folder up to the top.
      let found: string | undefined;
      for (let at: string | undefined = location; at !== undefined && !found; at = parentOf(at)) {
        const candidate = `${at ? `${at}/` : ''}node_modules/${dep}`;
        if (repo[candidate]) found = candidate;
      }
      if (!found) {
        if (entry.optionalDependencies?.[dep]) continue; // an optional dependency not installed here
        throw new Error(`package-lock.json has no "${dep}" reachable from "${location}"`);
      }
      const target = repo[found]!;
      queue.push(target.link && typeof target.resolved === 'string' ? target.resolved : found);
    }
  }
  return { name: rootName, lockfileVersion: 3, requires: true, packages };
}
