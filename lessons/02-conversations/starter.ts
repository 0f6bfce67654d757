// Lesson 2: a three-turn conversation. The API remembers nothing between calls, so every request resends the history.
import OpenAI from 'openai';

const client = new OpenAI();

// The conversation lives in your program: it starts with the instructions and grows by two messages a turn.
const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a friendly naming consultant. Keep every answer to one or two sentences.' },
];

const questions = [
  'Suggest a name for a small bakery that only sells sourdough bread.',
  'Write a one-line slogan for it.', // "it" only means something if turn 1 is in the history
  'Remind me: which name did you suggest, and what was the slogan?',
];

for (const [turn, question] of questions.entries()) {
  messages.push({ role: 'user', content: question });
  const response = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages, // the whole conversation so far, every time
    temperature: 0,
    max_completion_tokens: 100,
  });
  const reply = response.choices[0]?.message.content ?? '';
  console.log(`Turn ${turn + 1}: sent ${messages.length} messages, prompt_tokens ${response.usage?.prompt_tokens}`);
  console.log(`  ${reply}`);
  // Without this line the next request would not contain the reply, and the model could not refer back to it.
  messages.push({ role: 'assistant', content: reply });
}

// Your turn:
// 1. Ask a fourth question that only the history can answer: add
//    'Put the name and the slogan together on a two-line sign for the shop window.' to `questions`.
//    The fourth request sends 8 messages; compare its prompt_tokens with turn 1's.
// 2. Carry one answer forward without the whole chat: after the loop, start a NEW conversation of two messages,
//    the instructions as a `developer` message (instead of `system`) and one user question that quotes turn 1's
//    reply (messages[2].content), e.g.
//    `Our bakery's name came from this suggestion: ${first} Write a six-word sign for the shop door.`
//    Compare its prompt_tokens with turn 4's.
