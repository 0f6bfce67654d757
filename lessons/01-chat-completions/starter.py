# Lesson 1: send one conversation, get one reply back, and look at what came with it.
from openai import OpenAI

# The client reads OPENAI_API_KEY (and OPENAI_BASE_URL, if set) from the environment right here.
client = OpenAI()

response = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[
        # The system message sets the rules; the user message is the question.
        {"role": "system", "content": "You are a patient tutor. Answer in plain English."},
        {"role": "user", "content": "What is a token in a language model? Answer in two sentences."},
    ],
    temperature=0,  # 0 = steadiest answer; up to 2 = more varied
    max_completion_tokens=150,  # a ceiling on the reply's length, and so on its cost
)

# The reply is inside `choices`: one entry per alternative reply (one, unless you ask for more).
choice = response.choices[0]
print(choice.message.content)  # may be None, e.g. when the model calls a tool instead
print("finish_reason:", choice.finish_reason)  # "stop" = the model finished its thought
print("usage:", response.usage)  # tokens in and out: what a real call is billed for

# Your turn:
# 1. Lower max_completion_tokens until finish_reason prints "length": the reply was cut off.
#    Compare usage.completion_tokens with your cap.
# 2. Ask for three alternative replies in one request: add n=3, raise temperature to 1,
#    and print the message.content of every entry in response.choices.
