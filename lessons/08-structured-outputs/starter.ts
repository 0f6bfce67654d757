// Lesson 8: a reply your code can use as data. JSON mode promises valid JSON, nothing about its shape.
import OpenAI from 'openai';

const client = new OpenAI();

const EMAIL =
  'Hi, I ordered the Trail 40 backpack (order A-10442) two weeks ago and the zip broke on the first hike. ' +
  'Can you send a replacement before my trip on Saturday?';

/** The shape the rest of the program expects. Nothing below makes the model keep to it. */
interface Ticket {
  product: string;
  order_id: string | null;
  category: 'defect' | 'delivery' | 'billing' | 'other';
  urgency: 'low' | 'normal' | 'high';
  summary: string;
}

const completion = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [
    // JSON mode needs the word "JSON" somewhere in the messages, or the request is a 400.
    {
      role: 'system',
      content:
        'You triage support emails. Reply in JSON with product, order_id, category (defect, delivery, billing or other), urgency (low, normal or high) and a one-line summary.',
    },
    { role: 'user', content: EMAIL },
  ],
  response_format: { type: 'json_object' },
  temperature: 0,
});

const choice = completion.choices[0];
if (!choice) throw new Error('no choice in the response');
console.log('finish_reason:', choice.finish_reason);

// A cast is a promise you make to the compiler, not a check: a missing or renamed key slips through here.
const ticket = JSON.parse(choice.message.content ?? '') as Ticket;
console.log(`${ticket.urgency} ${ticket.category} ticket for ${ticket.product}: ${ticket.summary}`);

// Your turn:
// 1. Make the shape a contract: send response_format { type: 'json_schema', json_schema: { name: 'ticket',
//    strict: true, schema: ... } } with a strict schema for Ticket, call client.chat.completions.parse() instead
//    of create(), and read choices[0].message.parsed instead of parsing content yourself.
// 2. Handle a refusal: pick the "refusal" drill in the output panel and run again. message.refusal is set,
//    content and parsed are null. Print the refusal and carry on instead of crashing.
