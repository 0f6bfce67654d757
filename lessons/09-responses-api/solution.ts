// Lesson 9, solved: two turns chained by id with the instructions sent again, then a one-off response that is not
// stored, cut short by its cap, and the error you get when you try to continue it.
import OpenAI from 'openai';

const client = new OpenAI();

// instructions belong to one request; previous_response_id does not carry them, so keep them in one place.
const instructions = 'You are a patient tutor. Answer in plain English, in two sentences.';

const first = await client.responses.create({
  model: 'gpt-4o-mini',
  instructions,
  input: 'What is a context window?',
  max_output_tokens: 150,
});
console.log(first.output_text);
console.log('status:', first.status, '| id:', first.id);

// 1. The second turn sends the instructions again, beside the id of the first turn.
const second = await client.responses.create({
  model: 'gpt-4o-mini',
  previous_response_id: first.id,
  instructions,
  input: 'What happens when a conversation no longer fits in it?',
  max_output_tokens: 150,
});
console.log('\n' + second.output_text);
console.log('instructions on turn 2:', second.instructions);
console.log('input_tokens, turn 1 then turn 2:', first.usage?.input_tokens, second.usage?.input_tokens);

// 2. A one-off question nobody will continue: store: false keeps nothing, and 16 tokens is too few for the answer.
const oneOff = await client.responses.create({
  model: 'gpt-4o-mini',
  input: 'Name three things that count as input tokens.',
  store: false,
  max_output_tokens: 16, // the lowest cap the API accepts
});
console.log('\n' + oneOff.output_text);
console.log('status:', oneOff.status, '| incomplete_details:', oneOff.incomplete_details); // "incomplete", max_output_tokens

// 3. Nothing was stored, so there is nothing to continue: the API answers 400 previous_response_not_found.
try {
  await client.responses.create({
    model: 'gpt-4o-mini',
    previous_response_id: oneOff.id,
    input: 'And which of them is usually the largest?',
  });
} catch (err) {
  if (!(err instanceof OpenAI.BadRequestError)) throw err;
  console.log('\nCannot continue an unstored response:', err.status, err.code);
}
