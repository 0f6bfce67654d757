// Lesson 10, solved: the function call answered by call_id and the answer streamed as text, then a weather card as
// JSON through text.format with a strict JSON schema.
import OpenAI from 'openai';

const client = new OpenAI();

const WEATHER: Record<string, { temp_c: number; sky: string }> = {
  Lisbon: { temp_c: 17, sky: 'sunny' },
  Oslo: { temp_c: -3, sky: 'light snow' },
};

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

function getWeather(argumentsJson: string): string {
  const args: unknown = JSON.parse(argumentsJson);
  const city = (args as { city?: unknown } | null)?.city;
  if (typeof city !== 'string' || city.length > 80)
    return JSON.stringify({ error: 'city must be a short string' });
  const today = WEATHER[city];
  return JSON.stringify(today ? { city, ...today } : { city, error: `no weather data for ${city}` });
}

const stream = await client.responses.create({
  model: 'gpt-4o-mini',
  input: 'How is the weather in Lisbon today?',
  tools,
  stream: true,
});

let finished: OpenAI.Responses.Response | undefined;
for await (const event of stream) {
  const piece = 'delta' in event ? ` ${JSON.stringify(event.delta)}` : '';
  console.log(`#${event.sequence_number} ${event.type}${piece}`);
  if (event.type === 'response.completed') finished = event.response;
}
if (!finished) throw new Error('the stream ended without response.completed');

// 1. One function_call_output per function_call, matched by call_id (the item's id, fc_..., is another field).
const results: OpenAI.Responses.ResponseInputItem.FunctionCallOutput[] = [];
for (const item of finished.output) {
  if (item.type !== 'function_call') continue;
  const output = getWeather(item.arguments);
  console.log(`\n${item.name}(${item.arguments}) -> ${output}`);
  results.push({ type: 'function_call_output', call_id: item.call_id, output });
}

// The stored first response already holds the question and the call: send only the results, and the tools again.
const answer = await client.responses.create({
  model: 'gpt-4o-mini',
  previous_response_id: finished.id,
  input: results,
  tools,
  stream: true,
});
for await (const event of answer) {
  if (event.type === 'response.output_text.delta') process.stdout.write(event.delta); // text as it arrives
  if (event.type === 'response.completed') console.log(`\nstatus: ${event.response.status}`);
}

// 2. JSON by schema: strict mode needs every property required and additionalProperties: false.
const card = await client.responses.create({
  model: 'gpt-4o-mini',
  input: 'Make a weather card for Lisbon: sunny, 17 °C.',
  text: {
    format: {
      type: 'json_schema',
      name: 'weather_card',
      strict: true,
      schema: {
        type: 'object',
        properties: {
          city: { type: 'string' },
          temperature_c: { type: 'number' },
          sky: { type: 'string' },
          advice: { type: 'string' },
        },
        required: ['city', 'temperature_c', 'sky', 'advice'],
        additionalProperties: false,
      },
    },
  },
});
// Parse only a completed response: an incomplete one may hold half a JSON document.
if (card.status !== 'completed')
  throw new Error(`the card is ${card.status}: ${JSON.stringify(card.incomplete_details)}`);
const weatherCard = JSON.parse(card.output_text) as {
  city: string;
  temperature_c: number;
  sky: string;
  advice: string;
};
console.log('\nweather card:', weatherCard);
console.log('advice:', weatherCard.advice);
