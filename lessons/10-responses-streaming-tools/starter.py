# Lesson 10: the Responses API's typed event stream, a function call in the Responses shape, and JSON by schema.
import json

from openai import OpenAI

client = OpenAI()

# Stand-in data, so the example runs offline: a real app would call a weather service here.
WEATHER = {
    "Lisbon": {"temp_c": 17, "sky": "sunny"},
    "Oslo": {"temp_c": -3, "sky": "light snow"},
}

# A Responses tool is flat: name, description, parameters and strict sit beside "type", not inside "function".
tools = [
    {
        "type": "function",
        "name": "get_weather",
        "description": "Current weather for one city.",
        "strict": True,
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string", "description": "City name, such as Lisbon"}},
            "required": ["city"],
            "additionalProperties": False,
        },
    }
]


def get_weather(arguments_json: str) -> str:
    """Runs get_weather on the model's arguments: a string of JSON the model wrote, so check it before use."""
    args = json.loads(arguments_json)
    city = args.get("city") if isinstance(args, dict) else None
    if not isinstance(city, str) or len(city) > 80:
        return json.dumps({"error": "city must be a short string"})
    today = WEATHER.get(city)
    return json.dumps({"city": city, **today} if today else {"city": city, "error": f"no weather data for {city}"})


# stream=True makes create() return an iterable of typed events instead of one Response.
stream = client.responses.create(
    model="gpt-4o-mini",
    input="How is the weather in Lisbon today?",
    tools=tools,
    stream=True,
)

finished = None
for event in stream:
    # Every event has a type and a sequence_number; the delta events carry a piece of text or of the arguments.
    piece = f" {json.dumps(event.delta)}" if hasattr(event, "delta") else ""
    print(f"#{event.sequence_number} {event.type}{piece}")
    if event.type == "response.completed":
        finished = event.response  # the whole Response, output and usage
if finished is None:
    raise RuntimeError("the stream ended without response.completed")

# The model did not answer: it asked for a function call. Find it by type, never by position.
for item in finished.output:
    if item.type != "function_call":
        continue
    print(f"\n{item.name}({item.arguments}) | id {item.id} | call_id {item.call_id}")
    print("result:", get_weather(item.arguments))
print("output item types:", ", ".join(item.type for item in finished.output))  # no message yet

# Your turn:
# 1. Send the result back. Call client.responses.create() again with previous_response_id=finished.id, the same
#    tools, and input=[{"type": "function_call_output", "call_id": <the item's call_id>, "output": <the result>}].
#    Stream it too (stream=True) and print only the text: print(event.delta, end="", flush=True) for every
#    "response.output_text.delta" event.
# 2. Get a weather card as JSON: ask "Make a weather card for Lisbon: sunny, 17 °C." with
#    text={"format": {"type": "json_schema", "name": "weather_card", "strict": True, "schema": schema}}, where the
#    schema is an object with city (string), temperature_c (number), sky (string) and advice (string), all required
#    and additionalProperties False. json.loads(response.output_text) and print card["advice"].
