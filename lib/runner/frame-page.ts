import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Built by `scripts/build/prepare.mjs`. */
const FRAME_SCRIPT = path.join(process.cwd(), 'public/generated/runner/frame.js');

let cached: { script: string; hash: string } | undefined;

function frameScript(): { script: string; hash: string } {
  if (!cached) {
    const script = readFileSync(FRAME_SCRIPT, 'utf8').replace(/<\/script/gi, '<\\/script');
    cached = { script, hash: createHash('sha256').update(script).digest('base64') };
  }
  return cached;
}

/** The origin the browser used to reach the app, which is what the frame's CSP must name. */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get('host');
  return host && /^[a-z0-9.\-:[\]]+$/i.test(host) ? `${url.protocol}//${host}` : url.origin;
}

/**
 * The runner frame's policy. `sandbox allow-scripts` repeats the iframe attribute, so the page is sandboxed even
 * when opened on its own; `connect-src` allows the API and nothing else; workers and the modules they import come
 * only from blob: URLs the frame itself made.
 */
export function frameCsp(origin: string, scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}' blob:`,
    'worker-src blob:',
    `connect-src ${origin}/api/v1/`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    'sandbox allow-scripts',
  ].join('; ');
}

export function frameResponse(request: Request): Response {
  let frame: { script: string; hash: string };
  try {
    frame = frameScript();
  } catch {
    return new Response(
      'The runner is not built: run `npm run build` (it runs scripts/build/prepare.mjs first).',
      {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      },
    );
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Tokenwise runner</title></head><body><script>${frame.script}</script></body></html>`;
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': frameCsp(requestOrigin(request), frame.hash),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}
