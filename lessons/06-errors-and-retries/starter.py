# Lesson 6: one call, read for what it says about your rate limits, and every failure sorted by what to do next.
import openai
from openai import OpenAI

# max_retries=2 is the SDK's default, written out so you can see it. The default timeout is 600 seconds per
# attempt, far too long for a person waiting, so this client gives up on an attempt after 8 seconds.
client = OpenAI(max_retries=2, timeout=8.0)

RATE_LIMIT_HEADERS = [
    "x-ratelimit-remaining-requests",
    "x-ratelimit-remaining-tokens",
    "x-ratelimit-reset-requests",
    "x-ratelimit-reset-tokens",
]


def what_to_do(err: Exception) -> str:
    """Says what a failure means and what to do about it. Subclasses first: APITimeoutError is an APIConnectionError."""
    if isinstance(err, openai.RateLimitError):
        if err.code == "insufficient_quota":
            return "Out of credit (insufficient_quota): fix billing; waiting will not help."
        wait = err.response.headers.get("retry-after-ms", "?")
        return f"429 {err.code}: slow down. The server asks for a wait of {wait} ms."
    if isinstance(err, openai.AuthenticationError):
        return "401: the key is wrong or revoked. Replace it; retrying never helps."
    if isinstance(err, openai.PermissionDeniedError):
        return "403: this key may not do this (model access, region). Not retried."
    if isinstance(err, openai.NotFoundError):
        return f"404 {err.code}: check the model id. Not retried."
    if isinstance(err, openai.BadRequestError):
        return f"400 {err.code} on {err.param}: fix the request; never resend it unchanged."
    if isinstance(err, openai.InternalServerError):
        return f"{err.status_code}: the server failed (request id {err.request_id}). Try again later."
    if isinstance(err, openai.APITimeoutError):
        return "Timed out: no answer within the timeout, on every attempt."
    if isinstance(err, openai.APIConnectionError):
        return "No response at all: network, proxy or base URL trouble."
    if isinstance(err, openai.APIStatusError):
        return f"{err.status_code} {err.code}: {err.message}"
    raise err  # not an API failure: a bug in this program, so let it crash


try:
    # with_raw_response gives you the HTTP response; .parse() turns it into the usual ChatCompletion.
    raw = client.chat.completions.with_raw_response.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "In one sentence: why should a program wait before it retries a failed API call?"}],
        max_completion_tokens=80,
    )
    completion = raw.parse()
    print(completion.choices[0].message.content)
    print("request id:", raw.headers.get("x-request-id"))
    for name in RATE_LIMIT_HEADERS:
        print(f"{name}:", raw.headers.get(name, "(not sent)"))
except openai.OpenAIError as err:
    print(what_to_do(err))

# Your turn (pick a failure in the output panel's "Error drill" box, then Run):
# 1. Turn the SDK's retries off for one call: client.with_options(max_retries=0).chat.completions.create(...).
# 2. Write your own retry policy (retry only what can clear, honour retry-after-ms or back off with full jitter,
#    give up after 5 attempts), run the main call through it with max_retries=0, and pick the "Flaky 429 (recovers)" drill.
