// Lesson 4: stream a reply and print it while it is being written.
import OpenAI from 'openai';

const client = new OpenAI();

// With stream: true, `await` resolves as soon as the response headers arrive, before any text exists.
const stream = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are a patient tutor. Answer in plain English.' },
    { role: 'user', content: 'Why do chat apps stream their replies? Answer in three sentences.' },
  ],
  stream: true,
  temperature: 0, // the steadiest wording, so every run streams the same reply
  max_completion_tokens: 200,
});

let text = ''; // the reply, put back together from its pieces
let chunks = 0;
let finishReason: string | null = null;

for await (const chunk of stream) {
  chunks++;
  const choice = chunk.choices[0]; // undefined on a chunk with no choices: never assume it is there
  const piece = choice?.delta.content ?? ''; // the first chunk carries the role, the last one nothing
  process.stdout.write(piece); // print each piece the moment it arrives
  text += piece;
  if (choice?.finish_reason) finishReason = choice.finish_reason; // null on every chunk but the last with a choice
}

console.log(`\n\n${chunks} chunks, ${text.length} characters`);
console.log('finish_reason:', finishReason);

// Your turn:
// 1. Ask for the token counts: add `stream_options: { include_usage: true }` and print `chunk.usage`
//    when it arrives. It comes on one extra chunk at the end, whose `choices` array is empty.
// 2. Stop a stream early: make an AbortController, pass `{ signal: controller.signal }` as the second
//    argument of create(), and call controller.abort() once `text` is longer than 80 characters.
//    The loop just ends, with no error; check finish_reason to tell a cut stream from a finished one.
//    Then let the server stop it instead: set max_completion_tokens to 20. The stream ends on its own,
//    and its last chunk with a choice says finish_reason "length".
// 3. Stream two replies at once: add `n: 2`, raise `temperature` to 1, and put each reply together by
//    `choice.index`, looping over every entry of `chunk.choices`.
