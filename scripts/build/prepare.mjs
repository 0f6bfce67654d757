// Build-time steps for the editor and the runner, run before `next build` (and by `ensureBuild`):
//   public/generated/runner/openai.js       the installed `openai` SDK, bundled for the browser (ES module)
//   public/generated/runner/frame.js        the sandboxed runner frame's script, with its worker inlined
//   public/generated/editor/openai-types.json  the SDK's declaration files, for Monaco's TypeScript service
// Everything is derived from node_modules at build time, so an SDK upgrade is picked up by the next build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { collectDeclarations } from './declarations.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'public/generated');
const started = Date.now();

const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

async function bundleSdk() {
  const result = await esbuild.build({
    ...browser,
    stdin: {
      contents: "export * from 'openai';\nexport { default } from 'openai';\n",
      resolveDir: root,
      sourcefile: 'openai-entry.js',
    },
    format: 'esm',
    // Error classes are reported by name (`RateLimitError`), so names must survive minification.
    keepNames: true,
    write: false,
  });
  return result.outputFiles[0].text;
}

async function bundleFrame() {
  const worker = await esbuild.build({
    ...browser,
    entryPoints: ['components/runner/frame/worker.ts'],
    // A classic worker: Chromium refuses module workers from blob: URLs in an opaque origin, but a classic worker
    // may import() blob: modules (the SDK and the program).
    format: 'iife',
    keepNames: true,
    write: false,
  });
  const frame = await esbuild.build({
    ...browser,
    entryPoints: ['components/runner/frame/frame.ts'],
    format: 'iife',
    define: { WORKER_SOURCE: JSON.stringify(worker.outputFiles[0].text) },
    write: false,
  });
  return frame.outputFiles[0].text;
}

function sdkVersion() {
  return JSON.parse(readFileSync(path.join(root, 'node_modules/openai/package.json'), 'utf8')).version;
}

function save(relative, contents) {
  const file = path.join(out, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, contents);
  return `${relative} (${(Buffer.byteLength(contents) / 1024).toFixed(0)} kB)`;
}

const [sdk, frame] = await Promise.all([bundleSdk(), bundleFrame()]);
const types = collectDeclarations(path.join(root, 'node_modules/openai'));
const written = [
  save('runner/openai.js', sdk),
  save('runner/frame.js', frame),
  save('editor/openai-types.json', JSON.stringify({ version: sdkVersion(), files: types })),
];
console.log(`▸ Prepared the editor and runner in ${Date.now() - started} ms: ${written.join(', ')}`);
