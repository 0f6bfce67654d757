// Lesson 5, solved: a stable prefix the prompt cache can reuse, and a budget guard that refuses before sending.
import OpenAI from 'openai';

const client = new OpenAI();

const RATES = Array.from({ length: 30 }, (_, i) => i + 1)
  .flatMap((zone) =>
    [1, 5, 20].map(
      (kg, band) =>
        `Zone ${zone}, parcels up to ${kg} kg: ${(3.5 + zone * 0.4 + band * 4.5).toFixed(2)} EUR, ` +
        `delivered in ${1 + Math.ceil(zone / 8)} working days.`,
    ),
  )
  .join('\n');

/** 1. What never changes comes first, so every call starts with the same 2,000-odd tokens; the time goes last. */
function instructions(): string {
  return (
    'You answer questions about Parcelo shipping rates in one short sentence, using only this table:\n' +
    RATES +
    `\nCurrent time: ${new Date().toISOString()}`
  );
}

function estimateTokens(messages: { content: string }[]): number {
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  return messages.reduce((sum, m) => sum + 3 + 1 + Math.ceil(bytes(m.content) / 4), 3);
}

/** 2. The worst case of a call is its prompt plus its output cap; refuse it before it is sent if that is too much. */
function guard(messages: { content: string }[], maxCompletionTokens: number, budgetTokens: number): number {
  const worstCase = estimateTokens(messages) + maxCompletionTokens;
  if (worstCase > budgetTokens) {
    throw new Error(`Refused before sending: up to ${worstCase} tokens, over the budget of ${budgetTokens}.`);
  }
  return worstCase;
}

const questions = ['How much is a 5 kg parcel to zone 7?', 'How long does a parcel to zone 12 take?'];

// A budget that is too small: the guard refuses, and no request leaves the program.
try {
  guard([{ content: instructions() }, { content: questions[0]! }], 100, 1_000);
} catch (err) {
  console.log((err as Error).message);
}

for (const question of questions) {
  const messages = [
    { role: 'system' as const, content: instructions() },
    { role: 'user' as const, content: question },
  ];
  const worstCase = guard(messages, 100, 3_000);
  console.log(
    `\n${question}\nestimated prompt tokens: ${estimateTokens(messages)} (worst case ${worstCase} with the cap)`,
  );

  const response = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages,
    temperature: 0,
    max_completion_tokens: 100, // without a cap there is no worst case to guard
  });

  console.log(response.choices[0]?.message.content);
  console.log('prompt_tokens:', response.usage?.prompt_tokens);
  console.log('cached_tokens:', response.usage?.prompt_tokens_details?.cached_tokens); // 1,024 or more the second time
}
