// Lesson 10: the Responses API's typed event stream, a function call in the Responses shape, and JSON by schema.
import OpenAI from 'openai';

const client = new OpenAI();

// Stand-in data, so the example runs offline: a real app would call a weather service here.
const WEATHER: Record<string, { temp_c: number; sky: string }> = {
  Lisbon: { temp_c: 17, sky: 'sunny' },
  Oslo: { temp_c: -3, sky: 'light snow' },
};

// A Responses tool is flat: name, description, parameters and strict sit beside `type`, not inside `function`.
const tools: OpenAI.Responses.FunctionTool[] = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'Current weather for one city.',
    strict: true,
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', description: 'City name, such as Lisbon' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
];

/** Runs get_weather on the model's arguments: a string of JSON the model wrote, so check it before use. */
function getWeather(argumentsJson: string): string {
  const args: unknown = JSON.parse(argumentsJson);
  const city = (args as { city?: unknown } | null)?.city;
  if (typeof city !== 'string' || city.length > 80)
    return JSON.stringify({ error: 'city must be a short string' });
  const today = WEATHER[city];
  return JSON.stringify(today ? { city, ...today } : { city, error: `no weather data for ${city}` });
}

// stream: true makes create() return an async iterable of typed events instead of one Response.
const stream = await client.responses.create({
  model: 'gpt-4o-mini',
  input: 'How is the weather in Lisbon today?',
  tools,
  stream: true,
});

let finished: OpenAI.Responses.Response | undefined;
for await (const event of stream) {
  // Every event has a type and a sequence_number; the delta events carry a piece of text or of the arguments.
  const piece = 'delta' in event ? ` ${JSON.stringify(event.delta)}` : '';
  console.log(`#${event.sequence_number} ${event.type}${piece}`);
  if (event.type === 'response.completed') finished = event.response; // the whole Response, output and usage
}
if (!finished) throw new Error('the stream ended without response.completed');

// The model did not answer: it asked for a function call. Find it by type, never by position.
for (const item of finished.output) {
  if (item.type !== 'function_call') continue;
  console.log(`\n${item.name}(${item.arguments}) | id ${item.id} | call_id ${item.call_id}`);
  console.log('result:', getWeather(item.arguments));
}
console.log('output item types:', finished.output.map((item) => item.type).join(', ')); // no message yet

// Your turn:
// 1. Send the result back. Call client.responses.create() again with previous_response_id: finished.id, the same
//    tools, and input: [{ type: 'function_call_output', call_id: <the item's call_id>, output: <the result> }].
//    Stream it too (stream: true) and print only the text, with process.stdout.write(event.delta) for every
//    'response.output_text.delta' event.
// 2. Get a weather card as JSON: ask "Make a weather card for Lisbon: sunny, 17 °C." with
//    text: { format: { type: 'json_schema', name: 'weather_card', strict: true, schema } }, where the schema is an
//    object with city (string), temperature_c (number), sky (string) and advice (string), all required and
//    additionalProperties: false. JSON.parse(response.output_text) and print card.advice.
