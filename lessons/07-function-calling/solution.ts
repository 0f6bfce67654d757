// Lesson 7, solved: the tool loop, then a function forced by name, then two calls in parallel.
import OpenAI from 'openai';

const client = new OpenAI();

// Stand-in data, so the example runs offline: a real app would call a weather service here.
const WEATHER: Record<string, { temp_c: number; sky: string }> = {
  Lisbon: { temp_c: 17, sky: 'sunny' },
  Oslo: { temp_c: -3, sky: 'light snow' },
  Tokyo: { temp_c: 9, sky: 'clear' },
};
const TIME_ZONES: Record<string, string> = { Lisbon: 'Europe/Lisbon', Oslo: 'Europe/Oslo', Tokyo: 'Asia/Tokyo' };

// What the model sees: a name, a description and a JSON Schema for the arguments. strict: true makes the
// arguments match the schema exactly, which is why every property is required and no others are allowed.
const tools: OpenAI.Chat.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather for one city.',
      strict: true,
      parameters: {
        type: 'object',
        properties: {
          city: { type: 'string', description: 'City name, such as Lisbon' },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        },
        required: ['city', 'unit'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_time_zone',
      description: 'The IANA time zone a city is in.',
      strict: true,
      parameters: {
        type: 'object',
        properties: { city: { type: 'string', description: 'City name, such as Tokyo' } },
        required: ['city'],
        additionalProperties: false,
      },
    },
  },
];

/** Checks the model's arguments before anything uses them: they are text the model wrote, not trusted input. */
function cityFrom(args: Record<string, unknown>): string {
  const { city } = args;
  if (typeof city !== 'string' || city.length === 0 || city.length > 80) throw new Error('city must be a short string');
  return city;
}

function getWeather(args: Record<string, unknown>) {
  const city = cityFrom(args);
  if (args.unit !== 'celsius' && args.unit !== 'fahrenheit') throw new Error('unit must be celsius or fahrenheit');
  const today = WEATHER[city];
  if (!today) return { city, error: `no weather data for ${city}` };
  const temperature = args.unit === 'celsius' ? today.temp_c : Math.round((today.temp_c * 9) / 5 + 32);
  return { city, temperature, unit: args.unit, sky: today.sky };
}

function getTimeZone(args: Record<string, unknown>) {
  const city = cityFrom(args);
  return { city, time_zone: TIME_ZONES[city] ?? null };
}

/** Runs one tool call and returns what goes back to the model: the result, or an error it can act on. */
function runTool(call: OpenAI.Chat.ChatCompletionMessageToolCall): string {
  if (call.type !== 'function') return JSON.stringify({ error: `unsupported tool type ${call.type}` });
  try {
    const parsed: unknown = JSON.parse(call.function.arguments); // a string of JSON, never an object
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('arguments must be an object');
    const args = parsed as Record<string, unknown>;
    if (call.function.name === 'get_weather') return JSON.stringify(getWeather(args));
    if (call.function.name === 'get_time_zone') return JSON.stringify(getTimeZone(args));
    return JSON.stringify({ error: `unknown function ${call.function.name}` });
  } catch (err) {
    return JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
  }
}

/** Asks, runs whatever tools the model calls, sends the results back, and repeats until the model answers. */
async function ask(question: string, toolChoice: OpenAI.Chat.ChatCompletionToolChoiceOption = 'auto') {
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: 'system', content: 'You answer questions about the weather and time zones. Use the tools; never guess.' },
    { role: 'user', content: question },
  ];
  for (let round = 1; round <= 4; round++) {
    const response = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      tools,
      // Force a choice on the first round only: forcing it again after the results would loop for ever.
      tool_choice: round === 1 ? toolChoice : 'auto',
      temperature: 0,
    });
    const choice = response.choices[0];
    if (!choice) throw new Error('no choice in the response');
    const calls = choice.message.tool_calls ?? [];
    console.log(`round ${round}: finish_reason ${choice.finish_reason}, ${calls.length} tool call(s)`);
    if (calls.length === 0) return choice.message.content; // look at tool_calls, not only finish_reason

    messages.push(choice.message); // the assistant's request, tool_calls and all, goes back unchanged
    for (const call of calls) {
      const result = runTool(call);
      if (call.type === 'function') console.log(`  ${call.function.name}(${call.function.arguments}) -> ${result}`);
      messages.push({ role: 'tool', tool_call_id: call.id, content: result }); // one answer per call id
    }
  }
  throw new Error('the model kept calling tools; giving up after 4 rounds');
}

console.log(await ask("What's the weather like in Lisbon right now?"));

// 1. A named function: the model must call get_time_zone (the sandbox, like the API, reports finish_reason "stop").
console.log(await ask('Which time zone is Tokyo in?', { type: 'function', function: { name: 'get_time_zone' } }));

// 2. Two calls in one response (parallel_tool_calls is on by default), each answered by its own tool_call_id.
console.log(await ask('Compare the weather in Lisbon and Oslo right now.'));
