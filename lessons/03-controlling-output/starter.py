# Lesson 3: the settings that shape a reply. Change one setting at a time and compare the runs.
from openai import OpenAI

client = OpenAI()

response = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Write a one-line tagline for a bicycle repair shop."}],
    temperature=1,  # 0 to 2 (default 1): lower is more focused, higher more varied
    n=3,  # three independent replies in one request; the output of all three is billed
    max_completion_tokens=40,  # a ceiling on output tokens
)

for choice in response.choices:
    print(f"{choice.index}: {choice.message.content} [{choice.finish_reason}]")
print("usage:", response.usage)

# Your turn:
# 1. Make a run repeat itself: set temperature=0, n=1 and seed=42, send the same request twice and print
#    whether the two texts are equal.
# 2. Cut a reply at a stop sequence: ask "List five tips for keeping a bike chain clean, numbered 1 to 5."
#    with stop=["4."], and see the list end after tip 3 with finish_reason "stop".
# 3. Switch the model to "gpt-5-mini" with temperature=0.2. Catch the 400 (openai.BadRequestError), print
#    err.status_code and the error itself, then send the request again without temperature.
