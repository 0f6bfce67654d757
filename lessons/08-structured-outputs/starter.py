# Lesson 8: a ticket out of a support email, as a Pydantic model. parse() sends a strict JSON Schema built from the
# model and hands back a Ticket, or a refusal. (This is the Python form of the TypeScript solution.)
from typing import Literal, Optional

from openai import OpenAI
from pydantic import BaseModel

client = OpenAI()

EMAIL = (
    "Hi, I ordered the Trail 40 backpack (order A-10442) two weeks ago and the zip broke on the first hike. "
    "Can you send a replacement before my trip on Saturday?"
)


class Ticket(BaseModel):
    product: str
    order_id: Optional[str]  # may be missing from an email: str or None, still required
    category: Literal["defect", "delivery", "billing", "other"]
    urgency: Literal["low", "normal", "high"]
    summary: str


completion = client.chat.completions.parse(
    model="gpt-4o-mini",
    messages=[
        {"role": "system", "content": "You triage support emails into tickets."},
        {"role": "user", "content": EMAIL},
    ],
    response_format=Ticket,
    temperature=0,
)

choice = completion.choices[0]
print("finish_reason:", choice.finish_reason)

message = choice.message
if message.refusal:
    # A refusal is an answer, not an error: content and parsed are None, and the refusal says why.
    print("The model declined to make a ticket:", message.refusal)
elif message.parsed:
    ticket = message.parsed  # a Ticket, validated by Pydantic
    print(f"{ticket.urgency} {ticket.category} ticket for {ticket.product} (order {ticket.order_id or 'none'}): {ticket.summary}")

# Try it: run with the refusal drill, or put "[sandbox:refuse]" in the email, and the refusal branch runs.
