/**
 * WCAG contrast for code colours. Shiki's GitHub light theme draws some tokens (variables in orange #E36209) at
 * 3.5:1 on white, under the 4.5:1 AA asks of body-size text; those colours are darkened, hue kept, until they pass.
 */
type Rgb = [number, number, number];

function parse(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const hex = ([r, g, b]: Rgb) =>
  `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  if (!x || !y) return 21;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` darkened just enough to reach `ratio` against a light `background`; unchanged if it already does. */
export function darkenToContrast(color: string, background: string, ratio = 4.5): string {
  let rgb = parse(color);
  if (!rgb || contrast(color, background) >= ratio) return color;
  for (let i = 0; i < 40 && contrast(hex(rgb), background) < ratio; i++)
    rgb = rgb.map((c) => c * 0.94) as Rgb;
  return hex(rgb);
}

interface ThemeLike {
  colors?: Record<string, string>;
  tokenColors?: { settings?: { foreground?: string } }[];
}

/** A copy of a light theme whose every token colour reaches AA against `background`. */
export function withAccessibleColors<T extends ThemeLike>(theme: T, background: string): T {
  return {
    ...theme,
    tokenColors: theme.tokenColors?.map((rule) =>
      rule.settings?.foreground
        ? {
            ...rule,
            settings: {
              ...rule.settings,
              foreground: darkenToContrast(rule.settings.foreground, background),
            },
          }
        : rule,
    ),
  };
}
