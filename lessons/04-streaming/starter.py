# Lesson 4: stream a reply and print it while it is being written.
from openai import OpenAI

client = OpenAI()

# With stream=True, create() returns as soon as the response headers arrive, before any text exists.
stream = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[
        {"role": "system", "content": "You are a patient tutor. Answer in plain English."},
        {"role": "user", "content": "Why do chat apps stream their replies? Answer in three sentences."},
    ],
    stream=True,
    temperature=0,  # the steadiest wording, so every run streams the same reply
    max_completion_tokens=200,
)

text = ""  # the reply, put back together from its pieces
chunks = 0
finish_reason = None

for chunk in stream:
    chunks += 1
    choice = chunk.choices[0] if chunk.choices else None  # a chunk may have no choices
    piece = (choice.delta.content or "") if choice else ""
    print(piece, end="", flush=True)  # print each piece the moment it arrives
    text += piece
    if choice and choice.finish_reason:
        finish_reason = choice.finish_reason  # None on every chunk but the last with a choice

print(f"\n\n{chunks} chunks, {len(text)} characters")
print("finish_reason:", finish_reason)

# Your turn:
# 1. Ask for the token counts: add stream_options={"include_usage": True} and print chunk.usage
#    when it arrives. It comes on one extra chunk at the end, whose choices list is empty.
# 2. Stop a stream early: break out of the loop once text is longer than 80 characters, then call
#    stream.close() to release the connection (Python has no AbortController).
#    Then let the server stop it instead: set max_completion_tokens=20. The stream ends on its own,
#    and its last chunk with a choice says finish_reason "length".
# 3. Stream two replies at once: add n=2, raise temperature to 1, and put each reply together by
#    choice.index, looping over every entry of chunk.choices.
