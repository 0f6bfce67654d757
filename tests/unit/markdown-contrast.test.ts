import { describe, expect, it } from 'vitest';
import { contrast, darkenToContrast } from '@/lib/markdown/contrast';
import { highlightToHtml } from '@/lib/markdown/highlight';

describe('code colours', () => {
  it('darkens a colour under 4.5:1 until it passes, and leaves passing ones alone', () => {
    expect(contrast('#E36209', '#ffffff')).toBeLessThan(4.5);
    const fixed = darkenToContrast('#E36209', '#f4f4f5');
    expect(contrast(fixed, '#f4f4f5')).toBeGreaterThanOrEqual(4.5);
    expect(darkenToContrast('#24292e', '#ffffff')).toBe('#24292e');
  });

  it('every light colour in highlighted code reaches AA on the code background', async () => {
    const html = await highlightToHtml(
      "const messages = [{ role: 'user', content: `Hi ${name}` }]; // say hi\nexport async function f(x: number) { return x ?? 42; }",
      'typescript',
    );
    const colours = [...html.matchAll(/(?:^|[;"])color:(#[0-9a-fA-F]{6})/g)].map((m) => m[1]!);
    expect(colours.length).toBeGreaterThan(3);
    for (const colour of colours) expect(contrast(colour, '#f4f4f5'), colour).toBeGreaterThanOrEqual(4.5);
  });
});
