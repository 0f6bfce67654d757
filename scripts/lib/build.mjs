import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './run.mjs';

/**
 * `npm start` must work straight after `npm install`, and must not serve a stale build after a `git pull`.
 * A fingerprint of every input to the build (paths, sizes, mtimes) is stored beside the build; a mismatch rebuilds.
 */
const INPUTS = ['app', 'components', 'lib', 'lessons', 'public', 'scripts/build', 'package-lock.json', 'next.config.js', 'tsconfig.json', 'postcss.config.mjs'];
const STAMP = '.next/tokenwise-build-stamp';

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
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, '.next/BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === buildFingerprint(root);
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
  writeFileSync(path.join(root, STAMP), before);
}
