// Lesson 3: the settings that shape a reply. Run it, press "Pin to compare", change one setting, run again.
import OpenAI from 'openai';

const client = new OpenAI();

const response = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Write a one-line tagline for a bicycle repair shop.' }],
  temperature: 1, // 0 to 2 (default 1): lower is more focused, higher more varied
  n: 3, // three independent replies in one request; the output of all three is billed
  max_completion_tokens: 40, // a ceiling on output tokens
});

for (const choice of response.choices) {
  console.log(`${choice.index}: ${choice.message.content} [${choice.finish_reason}]`);
}
console.log('usage:', response.usage);

// Your turn:
// 1. Make a run repeat itself: set temperature: 0, n: 1 and seed: 42. Pin the run, run again, and compare.
//    (In code: send the same request twice and print whether the two texts are equal.)
// 2. Cut a reply at a stop sequence: ask 'List five tips for keeping a bike chain clean, numbered 1 to 5.'
//    with stop: ['4.'], and see the list end after tip 3 with finish_reason "stop".
// 3. Switch the model to 'gpt-5-mini' with temperature: 0.2. Catch the 400 (OpenAI.BadRequestError), print
//    err.param and err.code, then send the request again without temperature.
