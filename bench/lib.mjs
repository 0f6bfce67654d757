import { gzipSync } from 'node:zlib';

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Sums the gzipped size of every same-origin script a page's HTML references. */
export async function pageScripts(baseUrl, path) {
  const html = await (await fetch(new URL(path, baseUrl))).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]))];
  let total = 0;
  const files = [];
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    files.push({ src, gz });
  }
  return { total, files };
}

export const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
