import { findModel, MODELS, PRICES_CHECKED_ON } from '@/lib/models/catalog';
import { costOf, formatPrice, formatUsd } from '@/lib/models/cost';
import { PRICE_SOURCE } from '@/lib/models/prices';

/**
 * Lessons never type prices by hand: `{{prices}}` becomes a table from the model catalog and
 * `{{cost MODEL INPUT OUTPUT}}` the dollar cost of a request, so both follow the dated data.
 */
export function expandPlaceholders(markdown: string): string {
  return markdown.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, body: string) => {
    const [name, ...args] = body.split(/\s+/);
    if (name === 'prices' && args.length === 0) return pricesTable();
    if (name === 'cost' && (args.length === 3 || args.length === 4)) return costPlaceholder(args[0]!, args[1]!, args[2]!, args[3]);
    throw new Error(`unknown placeholder ${whole} (use {{prices}} or {{cost MODEL INPUT_TOKENS OUTPUT_TOKENS [CACHED_TOKENS]}})`);
  });
}

function pricesTable(): string {
  const usd = formatPrice;
  const rows = MODELS.map(
    (m) =>
      `| \`${m.id}\` | ${usd(m.prices.input)} | ${usd(m.prices.cachedInput)} | ${usd(m.prices.output)} | ${m.contextWindow.toLocaleString('en-US')} | ${m.maxOutputTokens.toLocaleString('en-US')} |`,
  );
  return [
    `| Model | Input | Cached input | Output | Context window | Max output |`,
    `| --- | ---: | ---: | ---: | ---: | ---: |`,
    ...rows,
    '',
    `*US dollars per 1M tokens, from ${PRICE_SOURCE.name} ${PRICE_SOURCE.version} (its data published ${PRICES_CHECKED_ON}). Prices change: check [OpenAI's pricing page](${PRICE_SOURCE.url}) before you budget.*`,
  ].join('\n');
}

/** `cached`: how many of the input tokens came from the prompt cache, billed at the cached-input price. */
function costPlaceholder(modelId: string, input: string, output: string, cached = '0'): string {
  const model = findModel(modelId);
  if (!model) throw new Error(`{{cost}}: unknown model "${modelId}"`);
  const promptTokens = Number(input);
  const completionTokens = Number(output);
  const cachedTokens = Number(cached);
  if (!Number.isInteger(promptTokens) || !Number.isInteger(completionTokens) || !Number.isInteger(cachedTokens)) {
    throw new Error(`{{cost}}: token counts must be whole numbers, got "${input}", "${output}" and "${cached}"`);
  }
  if (cachedTokens > promptTokens) throw new Error(`{{cost}}: ${cachedTokens} cached tokens is more than the ${promptTokens} input tokens`);
  return formatUsd(costOf(model, { promptTokens, completionTokens, cachedTokens }));
}
