// Lesson 5: count tokens before you send, see what the chat format adds, and watch the prompt cache.
import OpenAI from 'openai';

const client = new OpenAI();

// A long, fixed reference text: 30 zones x 3 weight bands of shipping rates (well over 1,024 tokens).
const RATES = Array.from({ length: 30 }, (_, i) => i + 1)
  .flatMap((zone) =>
    [1, 5, 20].map(
      (kg, band) =>
        `Zone ${zone}, parcels up to ${kg} kg: ${(3.5 + zone * 0.4 + band * 4.5).toFixed(2)} EUR, ` +
        `delivered in ${1 + Math.ceil(zone / 8)} working days.`,
    ),
  )
  .join('\n');

/** The system message. The current time goes first, so every call starts differently. */
function instructions(): string {
  return (
    `Current time: ${new Date().toISOString()}\n` +
    'You answer questions about Parcelo shipping rates in one short sentence, using only this table:\n' +
    RATES
  );
}

/**
 * An estimate before sending: about 4 bytes of UTF-8 per token (tiktoken's average), plus the chat format's
 * overhead as OpenAI's cookbook measured it on gpt-4o and gpt-4o-mini: 3 tokens per message, 1 for its role,
 * and 3 that prime the reply.
 */
function estimateTokens(messages: { content: string }[]): number {
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  return messages.reduce((sum, m) => sum + 3 + 1 + Math.ceil(bytes(m.content) / 4), 3);
}

for (const question of ['How much is a 5 kg parcel to zone 7?', 'How long does a parcel to zone 12 take?']) {
  const messages = [
    { role: 'system' as const, content: instructions() },
    { role: 'user' as const, content: question },
  ];
  console.log(`\n${question}\nestimated prompt tokens: ${estimateTokens(messages)}`);

  const response = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0 });

  console.log(response.choices[0]?.message.content);
  console.log('prompt_tokens:', response.usage?.prompt_tokens); // what the API counted
  console.log('cached_tokens:', response.usage?.prompt_tokens_details?.cached_tokens); // 0: nothing reused
}

// Your turn:
// 1. Make the second call reuse the first one's prefix: move the "Current time" line to the END of the
//    system message (after the table). Run again: the second call reports cached_tokens of 1,024 or more.
// 2. Add a budget guard: before each call, refuse (throw, without sending) when the estimated prompt
//    tokens plus max_completion_tokens exceed a budget. Try a budget of 1,000 tokens and see the first
//    call refused; then send both calls with max_completion_tokens: 100 under a budget of 3,000.
