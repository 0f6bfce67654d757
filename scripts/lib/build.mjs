import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './run.mjs';

/**
 * `npm start` must work straight after `npm install`, and must not serve a stale build after a `git pull`.
 * A fingerprint of every input to the build (paths, sizes, mtimes) is stored beside the build; a mismatch rebuilds.
 * The inputs include what changes the build without being a page: instrumentation, the dependencies (package.json
 * and the lock file) and the server that serves the build.
 */
export const INPUTS = [
  'app',
  'components',
  'lib',
  'lessons',
  'public',
  'scripts/build',
  'scripts/server.mjs',
  'instrumentation.ts',
  'package.json',
  'package-lock.json',
  'next.config.js',
  'tsconfig.json',
  'postcss.config.mjs',
];

/** The build folder: `.next`, or NEXT_DIST_DIR for a second build beside it (next.config.js reads the same). */
export function distDir(root = process.cwd()) {
  return path.join(root, process.env.NEXT_DIST_DIR || '.next');
}
const stampFile = (root) => path.join(distDir(root), 'tokenwise-build-stamp');

function walk(entry, out) {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const child of readdirSync(entry).sort()) {
      if (child === '__pycache__' || child === 'generated') continue;
      walk(path.join(entry, child), out);
    }
  } else {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function buildFingerprint(root = process.cwd()) {
  const lines = [];
  for (const input of INPUTS) walk(path.join(root, input), lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export function isBuildCurrent(root = process.cwd()) {
  const stamp = stampFile(root);
  return existsSync(path.join(distDir(root), 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === buildFingerprint(root);
}

/** Builds the production app unless the current build already matches the sources. */
export async function ensureBuild({ root = process.cwd(), force = false } = {}) {
  if (!force && isBuildCurrent(root)) {
    console.log('▸ Build is current; skipping next build.');
    return;
  }
  const before = buildFingerprint(root);
  console.log('▸ Building the app (next build). The first build takes a minute or two.');
  // The editor's SDK types and the runner's bundles (public/generated/) come first: the build serves them.
  await run(process.execPath, ['scripts/build/prepare.mjs'], { cwd: root });
  await run('next', ['build'], { cwd: root });
  writeFileSync(stampFile(root), before);
}
