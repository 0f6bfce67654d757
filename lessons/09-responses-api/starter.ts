// Lesson 9: ask through the Responses API, then continue the conversation by id instead of resending it.
import OpenAI from 'openai';

// The client reads OPENAI_API_KEY (and OPENAI_BASE_URL, if set) from the environment right here.
const client = new OpenAI();

const first = await client.responses.create({
  model: 'gpt-4o-mini',
  instructions: 'You are a patient tutor. Answer in plain English, in two sentences.', // the rules, for this request
  input: 'What is a context window?', // a string is one user message
  max_output_tokens: 150, // Chat Completions calls this max_completion_tokens
});

// output_text is the SDK joining every output_text part of every message in `output`; the raw JSON has no such field.
console.log(first.output_text);
console.log('status:', first.status, '| id:', first.id);

// The second turn sends only the new question: the API finds the first turn by its id and replays it as input.
const second = await client.responses.create({
  model: 'gpt-4o-mini',
  previous_response_id: first.id,
  input: 'What happens when a conversation no longer fits in it?',
  max_output_tokens: 150,
});

console.log('\n' + second.output_text);
console.log('instructions on turn 2:', second.instructions); // not carried over by previous_response_id
console.log('input_tokens, turn 1 then turn 2:', first.usage?.input_tokens, second.usage?.input_tokens);
console.log('output_tokens, turn 1 then turn 2:', first.usage?.output_tokens, second.usage?.output_tokens);

// Your turn:
// 1. Turn 2 printed `instructions: null`: the tutor's rules were not carried over. Send `instructions` again on the
//    second call and run it: what happens to its input_tokens?
// 2. Ask a one-off question with `store: false` and `max_output_tokens: 16`. Print its `status` and
//    `incomplete_details`: the cap cut the reply short.
// 3. Try to continue that unstored response with `previous_response_id`. Catch the error and print its `status`
//    and `code`: a response that was never stored cannot be continued.
