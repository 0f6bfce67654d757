// Lesson 1, solved: the first request, then a reply cut short, then three alternatives in one call.
import OpenAI from 'openai';

const client = new OpenAI();

const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a patient tutor. Answer in plain English.' },
  { role: 'user', content: 'What is a token in a language model? Answer in two sentences.' },
];

const response = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages,
  temperature: 0,
  max_completion_tokens: 150,
});
console.log(response.choices[0]?.message.content);
console.log('finish_reason:', response.choices[0]?.finish_reason);
console.log('usage:', response.usage);

// 1. A cap of 10 tokens is far too small for two sentences, so the model is stopped mid-reply.
const short = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages,
  temperature: 0,
  max_completion_tokens: 10,
});
console.log('\nCut short:', short.choices[0]?.message.content);
console.log('finish_reason:', short.choices[0]?.finish_reason); // "length"
console.log('completion_tokens:', short.usage?.completion_tokens, 'of a cap of 10');

// 2. n: 3 asks for three independent replies; you pay for the output of all three.
const tips = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Give me one tip for writing a clear system prompt.' }],
  n: 3,
  temperature: 1, // with temperature 0 the three replies would be nearly identical
  max_completion_tokens: 120,
});
for (const choice of tips.choices) {
  console.log(`\nTip ${choice.index + 1} (${choice.finish_reason}):`, choice.message.content);
}
console.log('usage for all three:', tips.usage);
