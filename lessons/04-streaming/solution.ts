// Lesson 4, solved: usage at the end of a stream, a stream stopped early, and two replies streamed at once.
import OpenAI from 'openai';

const client = new OpenAI();

const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a patient tutor. Answer in plain English.' },
  { role: 'user', content: 'Why do chat apps stream their replies? Answer in three sentences.' },
];

// 1. include_usage adds one last chunk with `choices: []` and the usage; every earlier chunk has `usage: null`.
const stream = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages,
  stream: true,
  stream_options: { include_usage: true },
  temperature: 0,
  max_completion_tokens: 200,
});
let text = '';
let finishReason: string | null = null;
for await (const chunk of stream) {
  const choice = chunk.choices[0];
  const piece = choice?.delta.content ?? '';
  process.stdout.write(piece);
  text += piece;
  if (choice?.finish_reason) finishReason = choice.finish_reason;
  if (chunk.usage) console.log('\n\nusage:', chunk.usage); // only on the final chunk, whose choices is []
}
console.log(`finish_reason: ${finishReason}, ${text.length} characters`);

// 2. Abort mid-stream: the raw stream's loop ends quietly, without an error and without a finish_reason.
const controller = new AbortController();
const cut = await client.chat.completions.create(
  { model: 'gpt-4o-mini', messages, stream: true, temperature: 0, max_completion_tokens: 200 },
  { signal: controller.signal },
);
let partial = '';
let cutReason: string | null = null;
for await (const chunk of cut) {
  partial += chunk.choices[0]?.delta.content ?? '';
  cutReason = chunk.choices[0]?.finish_reason ?? cutReason;
  if (partial.length > 80) controller.abort(); // the user pressed Stop
}
console.log(`\nStopped after ${partial.length} characters: "${partial}"`);
console.log('finish_reason:', cutReason ?? 'none (cut short)');

// 2b. A stop the server makes: the cap ends the reply, and the stream still closes with a finish_reason.
const capped = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages,
  stream: true,
  temperature: 0,
  max_completion_tokens: 20,
});
let cappedText = '';
let cappedReason: string | null = null;
for await (const chunk of capped) {
  cappedText += chunk.choices[0]?.delta.content ?? '';
  cappedReason = chunk.choices[0]?.finish_reason ?? cappedReason;
}
console.log(`\nCapped at 20 tokens: "${cappedText}"`);
console.log('finish_reason:', cappedReason); // "length"

// 3. n: 2 streams two replies in one response; each chunk's choices say which reply a piece belongs to.
const both = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages,
  stream: true,
  n: 2,
  temperature: 1,
  max_completion_tokens: 200,
});
const replies: string[] = [];
for await (const chunk of both) {
  for (const choice of chunk.choices) {
    replies[choice.index] = (replies[choice.index] ?? '') + (choice.delta.content ?? '');
  }
}
replies.forEach((reply, i) => console.log(`\nReply ${i + 1}:`, reply));
