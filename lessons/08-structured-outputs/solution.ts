// Lesson 8, solved: a strict JSON Schema makes the shape a contract, parse() hands back the object, and a refusal
// is handled instead of crashing the program.
import OpenAI from 'openai';

const client = new OpenAI();

const EMAIL =
  'Hi, I ordered the Trail 40 backpack (order A-10442) two weeks ago and the zip broke on the first hike. ' +
  'Can you send a replacement before my trip on Saturday?';

interface Ticket {
  product: string;
  order_id: string | null;
  category: 'defect' | 'delivery' | 'billing' | 'other';
  urgency: 'low' | 'normal' | 'high';
  summary: string;
}

// The same shape as JSON Schema, in the subset strict mode accepts: every property required, no others allowed.
// order_id may be missing from an email, so it is "a string or null" rather than optional.
const TICKET_SCHEMA = {
  type: 'object',
  properties: {
    product: { type: 'string', description: 'The product the email is about' },
    order_id: { anyOf: [{ type: 'string', pattern: '^[A-Z]-\\d{5}$' }, { type: 'null' }] },
    category: { type: 'string', enum: ['defect', 'delivery', 'billing', 'other'] },
    urgency: { type: 'string', enum: ['low', 'normal', 'high'] },
    summary: { type: 'string', description: 'One line' },
  },
  required: ['product', 'order_id', 'category', 'urgency', 'summary'],
  additionalProperties: false,
};

// parse() sends the same request as create(), then JSON-parses the reply into message.parsed.
const completion = await client.chat.completions.parse({
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You triage support emails into tickets.' },
    { role: 'user', content: EMAIL },
  ],
  response_format: { type: 'json_schema', json_schema: { name: 'ticket', strict: true, schema: TICKET_SCHEMA } },
  temperature: 0,
});

const choice = completion.choices[0];
if (!choice) throw new Error('no choice in the response');
console.log('finish_reason:', choice.finish_reason);

const { message } = choice;
if (message.refusal) {
  // A refusal is an answer, not an error: content and parsed are null, and the refusal says why.
  console.log('The model declined to make a ticket:', message.refusal);
} else if (message.parsed) {
  // With a hand-written schema parsed is `unknown`; strict mode guarantees this shape, so the cast is safe here.
  const ticket = message.parsed as Ticket;
  console.log(`${ticket.urgency} ${ticket.category} ticket for ${ticket.product} (order ${ticket.order_id ?? 'none'}): ${ticket.summary}`);
}
