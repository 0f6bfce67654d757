// Lesson 2, solved: a fourth turn that builds on the first two, then one answer carried into a fresh conversation.
import OpenAI from 'openai';

const client = new OpenAI();

const instructions = 'You are a friendly naming consultant. Keep every answer to one or two sentences.';
const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'system', content: instructions }];

const questions = [
  'Suggest a name for a small bakery that only sells sourdough bread.',
  'Write a one-line slogan for it.',
  'Remind me: which name did you suggest, and what was the slogan?',
  // 1. A fourth turn that needs turns 1 and 2: it works only because the whole history is sent again.
  'Put the name and the slogan together on a two-line sign for the shop window.',
];

for (const [turn, question] of questions.entries()) {
  messages.push({ role: 'user', content: question });
  const response = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages,
    temperature: 0,
    max_completion_tokens: 100,
  });
  const reply = response.choices[0]?.message.content ?? '';
  console.log(`Turn ${turn + 1}: sent ${messages.length} messages, prompt_tokens ${response.usage?.prompt_tokens}`);
  console.log(`  ${reply}`);
  messages.push({ role: 'assistant', content: reply });
}

// 2. A fresh conversation carries only what it needs: the earlier answer, quoted inside the new question.
// `developer` is the role OpenAI's reference asks for with o1 and newer models; the schema accepts it everywhere.
const first = messages[2]?.content; // turn 1's reply: [system, user, assistant, ...]
const sign = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'developer', content: instructions },
    { role: 'user', content: `Our bakery's name came from this suggestion: ${first} Write a six-word sign for the shop door.` },
  ],
  temperature: 0,
  max_completion_tokens: 100,
});
console.log(`\nFresh conversation: sent 2 messages, prompt_tokens ${sign.usage?.prompt_tokens}`);
console.log(`  ${sign.choices[0]?.message.content}`);
