import { describe, expect, it } from 'vitest';
import { TEXT_BACKGROUNDS, TEXT_COLOURS, THEMES } from '@/components/editor/themes';
import { contrast as wcagContrast } from '@/lib/markdown/contrast';

/** Colours as channels, so overlays with alpha can be composited before the contrast is taken. */
type Rgb = [number, number, number];

function parse(colour: string): { rgb: Rgb; alpha: number } {
  const hex = colour.replace('#', '');
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(hex)) throw new Error(`not a #rrggbb[aa] colour: ${colour}`);
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  return { rgb, alpha: hex.length === 8 ? parseInt(hex.slice(6), 16) / 255 : 1 };
}

function over(top: string, under: Rgb): Rgb {
  const { rgb, alpha } = parse(top);
  return rgb.map((c, i) => c * alpha + under[i]! * (1 - alpha)) as Rgb;
}

const toHex = (rgb: Rgb) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The app's own WCAG arithmetic (lib/markdown/contrast.ts), on colours composited over their background here. */
function contrast(a: Rgb, b: Rgb): number {
  return wcagContrast(toHex(a), toHex(b));
}

describe('contrast arithmetic', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrast(parse('#767676').rgb, parse('#ffffff').rgb)).toBeCloseTo(4.54, 2);
    expect(contrast(parse('#777777').rgb, parse('#ffffff').rgb)).toBeLessThan(4.5);
    // An overlay at half alpha lands halfway.
    expect(over('#00000080', [255, 255, 255])[0]).toBeCloseTo(127, 0);
  });
});

for (const [name, theme] of Object.entries(THEMES)) {
  describe(name, () => {
    const colors = theme.colors as Record<string, string>;
    const base = parse(colors['editor.background']!).rgb;

    /** Every background text can sit on: the editor's, the current line's, and the diff's overlays stacked. */
    const backgrounds: [string, Rgb][] = [['editor.background', base]];
    for (const key of TEXT_BACKGROUNDS.slice(1)) backgrounds.push([key, over(colors[key]!, base)]);
    for (const kind of ['inserted', 'removed']) {
      const line = over(colors[`diffEditor.${kind}LineBackground`]!, base);
      backgrounds.push([
        `${kind} text on ${kind} line`,
        over(colors[`diffEditor.${kind}TextBackground`]!, line),
      ]);
    }

    it('does not inherit Monaco’s token colours, and defines a default token', () => {
      expect(theme.inherit).toBe(false);
      expect(theme.rules.find((rule) => rule.token === '')?.foreground).toBeDefined();
    });

    it('sets every background and text colour it is checked with', () => {
      for (const key of [...TEXT_BACKGROUNDS, ...TEXT_COLOURS])
        expect(colors[key], key).toMatch(/^#[0-9a-f]{6,8}$/i);
    });

    const foregrounds: [string, string][] = [
      ...theme.rules
        .filter((rule) => rule.foreground)
        .map((rule): [string, string] => [`token "${rule.token}"`, `#${rule.foreground}`]),
      ...TEXT_COLOURS.map((key): [string, string] => [key, colors[key]!]),
    ];

    it.each(foregrounds)('%s (%s) has AA contrast (≥ 4.5:1) on every background', (_label, colour) => {
      const fg = parse(colour);
      expect(fg.alpha, 'text colours are opaque').toBe(1);
      for (const [where, bg] of backgrounds) {
        expect(contrast(fg.rgb, bg), `${colour} on ${where}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  });
}
