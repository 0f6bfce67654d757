// Writes lib/models/openai-prices.json from the installed @pydantic/genai-prices package's bundled data: every
// OpenAI model it prices, with the rule that matches API model ids to it. The package is ~800 kB of data for every
// provider; this keeps the few kB the app needs, so the browser can price any OpenAI model a run reports.
// Never fetches: only the bundled data. `tests/unit/models-prices.test.ts` fails when the JSON and the package differ.
//   node scripts/prices/extract.mjs           write the file
//   node scripts/prices/extract.mjs --check   exit 1 if it is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { findProvider } from '@pydantic/genai-prices';

// The package does not export its package.json; read it from where npm put it.
const pkg = JSON.parse(
  readFileSync(new URL('../../node_modules/@pydantic/genai-prices/package.json', import.meta.url), 'utf8'),
);
const OUT = new URL('../../lib/models/openai-prices.json', import.meta.url);

/** The package's publication dates, as the npm registry lists them; record the new one when you upgrade. */
const PUBLISHED = { '0.1.8': '2026-09-23' };

/** A price is a number, or a base with higher tiers for long prompts: keep the base and where the tiers start. */
function base(price) {
  if (typeof price === 'number') return { value: price };
  if (price && typeof price.base === 'number')
    return { value: price.base, tierStart: Math.min(...price.tiers.map((t) => t.start)) };
  return null;
}

/** Conditional prices carry start dates: the latest one that had started when the data was published applies. */
function current(prices, publishedOn) {
  if (!Array.isArray(prices)) return prices;
  const started = prices.filter(
    (p) => !p.constraint || (p.constraint.type === 'start_date' && p.constraint.start_date <= publishedOn),
  );
  return (started.at(-1) ?? prices[0]).prices;
}

export function extract() {
  const published = PUBLISHED[pkg.version];
  if (!published)
    throw new Error(
      `Record the publication date of @pydantic/genai-prices ${pkg.version} in PUBLISHED (npm view @pydantic/genai-prices time).`,
    );
  const provider = findProvider({ providerId: 'openai' });
  const models = [];
  for (const model of provider.models) {
    const prices = current(model.prices, published);
    const input = base(prices.input_mtok);
    const output = base(prices.output_mtok);
    if (!input || !output) continue; // priced per image, per second or per request: not a token model
    const cached = base(prices.cache_read_mtok);
    const tierStart = [input, output, cached].flatMap((p) => (p?.tierStart ? [p.tierStart] : []));
    models.push({
      id: model.id,
      match: model.match,
      input: input.value,
      output: output.value,
      ...(cached ? { cachedInput: cached.value } : {}),
      ...(tierStart.length ? { higherAbove: Math.min(...tierStart) } : {}),
    });
  }
  return {
    source: '@pydantic/genai-prices',
    version: pkg.version,
    published,
    pricingUrl: provider.pricing_urls?.[0] ?? null,
    models,
  };
}

const text = `${JSON.stringify(extract(), null, 1)}\n`;
if (process.argv.includes('--check')) {
  const now = readFileSync(OUT, 'utf8');
  if (now !== text) {
    console.error('lib/models/openai-prices.json is out of date: run node scripts/prices/extract.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT.pathname.split('/').slice(-3).join('/')}`);
}
