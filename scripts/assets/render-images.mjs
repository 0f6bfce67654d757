// Renders the images in public/ that are not hand-written: `favicon.ico` (16, 32 and 48 px PNGs in an ICO, drawn
// from public/icon.svg) and `og.png` (1200x630, the preview a shared lesson link shows). Run it after changing the
// icon or the preview's words, and commit the output; neither the build nor the app runs it.
//
//   node scripts/assets/render-images.mjs
//
// Drawn by the system's Chromium (CHROMIUM_PATH), as the end-to-end tests are; nothing is downloaded.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from '../lib/chromium.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const publicDir = path.join(root, 'public');
const ICON_SIZES = [16, 32, 48];

/** An ICO file holding PNG images (allowed since Windows Vista; every current browser reads it). */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const PREVIEW_HTML = (icon) => `<!doctype html>
<html><head><meta charset="utf-8"><style>
  * { margin: 0; box-sizing: border-box; }
  body { width: 1200px; height: 630px; background: #09090b; color: #f4f4f5; padding: 72px 80px;
         font-family: ui-sans-serif, system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
         display: flex; flex-direction: column; justify-content: space-between; }
  header { display: flex; align-items: center; gap: 24px; font-size: 44px; font-weight: 700; letter-spacing: -0.02em; }
  header svg { width: 84px; height: 84px; }
  h1 { font-size: 72px; line-height: 1.1; font-weight: 800; letter-spacing: -0.03em; max-width: 980px; }
  h1 span { color: #6ee7c0; }
  p { font-size: 30px; color: #d4d4d8; line-height: 1.4; max-width: 980px; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace; color: #6ee7c0; }
  footer { display: flex; gap: 16px; font-size: 24px; color: #a1a1aa; }
  footer b { color: #f4f4f5; font-weight: 600; }
</style></head><body>
  <header>${icon}<div>Tokenwise</div></header>
  <div>
    <h1>Learn the OpenAI API <span>by running it</span></h1>
    <p style="margin-top: 24px">Short lessons with code you run in the page: <code>chat.completions.create()</code>,
      streaming, tools, errors and what each call costs.</p>
  </div>
  <footer><b>An interactive course</b><span>·</span><span>an offline sandbox model, or your own key</span></footer>
</body></html>`;

async function main() {
  const icon = readFileSync(path.join(publicDir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const images = [];
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${icon.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      images.push({ size, png: await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }) });
    }
    writeFileSync(path.join(publicDir, 'favicon.ico'), icoFromPngs(images));

    await page.setViewportSize({ width: 1200, height: 630 });
    await page.setContent(PREVIEW_HTML(icon));
    writeFileSync(path.join(publicDir, 'og.png'), await page.screenshot({ clip: { x: 0, y: 0, width: 1200, height: 630 } }));
    console.log('▸ Wrote public/favicon.ico and public/og.png');
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
