// Lesson 3, solved: a repeatable run, a reply cut at a stop sequence, and a reasoning model's 400 caught and fixed.
import OpenAI from 'openai';

const client = new OpenAI();
const tagline = 'Write a one-line tagline for a bicycle repair shop.';

// 1. temperature 0 and a fixed seed: the same request twice should give the same text (best effort on a real model).
const steady = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: tagline }],
  temperature: 0,
  seed: 42,
  max_completion_tokens: 40,
};
const first = await client.chat.completions.create(steady);
const second = await client.chat.completions.create(steady);
const a = first.choices[0]?.message.content;
const b = second.choices[0]?.message.content;
console.log('1.', a);
console.log('   same text twice:', a === b);

// 2. The reply ends just before the first stop sequence it writes; the stop text itself is left out.
const tips = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'List five tips for keeping a bike chain clean, numbered 1 to 5.' }],
  temperature: 0,
  stop: ['4.'],
  max_completion_tokens: 200,
});
console.log('2. Cut at "4.":\n' + (tips.choices[0]?.message.content ?? '').trimEnd());
console.log('   finish_reason:', tips.choices[0]?.finish_reason);

// 3. Reasoning models accept only the default temperature: the API answers 400 before any reply is written.
const reasoning = {
  model: 'gpt-5-mini',
  messages: [{ role: 'user' as const, content: tagline }],
  max_completion_tokens: 1000, // reasoning tokens count against the cap, so leave them room
};
try {
  await client.chat.completions.create({ ...reasoning, temperature: 0.2 });
} catch (err) {
  if (!(err instanceof OpenAI.BadRequestError)) throw err;
  console.log('3.', err.status, err.param, err.code, '-', err.message);
}
const fixed = await client.chat.completions.create(reasoning); // no temperature: the default (1) applies
console.log('   without temperature:', fixed.choices[0]?.message.content);
