import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { icoFromPngs } from '../../scripts/assets/render-images.mjs';

/** The committed images in public/ are what browsers and link previews expect (scripts/assets/render-images.mjs). */
const PUBLIC = path.resolve(import.meta.dirname, '../../public');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function readIco(ico: Buffer) {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    return { declared: ico[entry]!, png: ico.subarray(offset, offset + length) };
  });
}

describe('public images', () => {
  it('favicon.ico holds 16, 32 and 48 px PNGs whose sizes match their entries', () => {
    const images = readIco(readFileSync(path.join(PUBLIC, 'favicon.ico')));
    expect(images.map((image) => image.declared)).toEqual([16, 32, 48]);
    for (const image of images) expect(pngSize(image.png)).toEqual({ width: image.declared, height: image.declared });
  });

  it('og.png is a 1200x630 PNG, the size link previews use', () => {
    expect(pngSize(readFileSync(path.join(PUBLIC, 'og.png')))).toEqual({ width: 1200, height: 630 });
  });

  it('icon.svg is an SVG with a viewBox, so it scales', () => {
    expect(readFileSync(path.join(PUBLIC, 'icon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
  });

  it('icoFromPngs lays out the directory and the images end to end', () => {
    const a = Buffer.concat([PNG_SIGNATURE, Buffer.from('a')]);
    const b = Buffer.concat([PNG_SIGNATURE, Buffer.from('bb')]);
    const ico = icoFromPngs([
      { size: 16, png: a },
      { size: 256, png: b },
    ]) as Buffer;
    expect(ico.length).toBe(6 + 32 + a.length + b.length);
    const images = readIco(ico);
    expect(images.map((image) => image.declared)).toEqual([16, 0]);
    expect(images[1]!.png.equals(b)).toBe(true);
  });
});
