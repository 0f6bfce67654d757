# Lesson 5: count tokens before you send, see what the chat format adds, and watch the prompt cache.
import math
from datetime import datetime, timezone

from openai import OpenAI

client = OpenAI()

# A long, fixed reference text: 30 zones x 3 weight bands of shipping rates (well over 1,024 tokens).
RATES = "\n".join(
    f"Zone {zone}, parcels up to {kg} kg: {3.5 + zone * 0.4 + band * 4.5:.2f} EUR, "
    f"delivered in {1 + math.ceil(zone / 8)} working days."
    for zone in range(1, 31)
    for band, kg in enumerate([1, 5, 20])
)


def instructions() -> str:
    """The system message. The current time goes first, so every call starts differently."""
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return (
        f"Current time: {now}\n"
        "You answer questions about Parcelo shipping rates in one short sentence, using only this table:\n" + RATES
    )


def estimate_tokens(messages: list[dict]) -> int:
    """About 4 bytes of UTF-8 per token, plus 3 per message, 1 for its role and 3 to prime the reply (cookbook).
    For an exact count, use tiktoken: tiktoken.encoding_for_model("gpt-4o-mini")."""
    return 3 + sum(3 + 1 + math.ceil(len(m["content"].encode("utf-8")) / 4) for m in messages)


for question in ["How much is a 5 kg parcel to zone 7?", "How long does a parcel to zone 12 take?"]:
    messages = [
        {"role": "system", "content": instructions()},
        {"role": "user", "content": question},
    ]
    print(f"\n{question}\nestimated prompt tokens: {estimate_tokens(messages)}")

    response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, temperature=0)

    print(response.choices[0].message.content)
    print("prompt_tokens:", response.usage.prompt_tokens)  # what the API counted
    print("cached_tokens:", response.usage.prompt_tokens_details.cached_tokens)  # 0: nothing reused

# Your turn:
# 1. Make the second call reuse the first one's prefix: move the "Current time" line to the END of the
#    system message (after the table). Run again: the second call reports cached_tokens of 1,024 or more.
# 2. Add a budget guard: before each call, refuse (raise, without sending) when the estimated prompt
#    tokens plus max_completion_tokens exceed a budget. Try a budget of 1,000 tokens and see the first
#    call refused; then send both calls with max_completion_tokens=100 under a budget of 3,000.
