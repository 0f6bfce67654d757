# Lesson 7: the full tool loop. The model asks for a function, your code runs it, the model answers with the result.
import json

from openai import OpenAI

client = OpenAI()

# Stand-in data, so the example runs offline: a real app would call a weather service here.
WEATHER = {
    "Lisbon": {"temp_c": 17, "sky": "sunny"},
    "Oslo": {"temp_c": -3, "sky": "light snow"},
    "Tokyo": {"temp_c": 9, "sky": "clear"},
}
TIME_ZONES = {"Lisbon": "Europe/Lisbon", "Oslo": "Europe/Oslo", "Tokyo": "Asia/Tokyo"}

# What the model sees: a name, a description and a JSON Schema for the arguments. strict: True makes the
# arguments match the schema exactly, which is why every property is required and no others are allowed.
tools = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather for one city.",
            "strict": True,
            "parameters": {
                "type": "object",
                "properties": {
                    "city": {"type": "string", "description": "City name, such as Lisbon"},
                    "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                },
                "required": ["city", "unit"],
                "additionalProperties": False,
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "get_time_zone",
            "description": "The IANA time zone a city is in.",
            "strict": True,
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string", "description": "City name, such as Tokyo"}},
                "required": ["city"],
                "additionalProperties": False,
            },
        },
    },
]


def city_from(args: dict) -> str:
    """Checks the model's arguments before anything uses them: they are text the model wrote, not trusted input."""
    city = args.get("city")
    if not isinstance(city, str) or not 0 < len(city) <= 80:
        raise ValueError("city must be a short string")
    return city


def get_weather(args: dict) -> dict:
    city = city_from(args)
    unit = args.get("unit")
    if unit not in ("celsius", "fahrenheit"):
        raise ValueError("unit must be celsius or fahrenheit")
    today = WEATHER.get(city)
    if today is None:
        return {"city": city, "error": f"no weather data for {city}"}
    temperature = today["temp_c"] if unit == "celsius" else round(today["temp_c"] * 9 / 5 + 32)
    return {"city": city, "temperature": temperature, "unit": unit, "sky": today["sky"]}


def get_time_zone(args: dict) -> dict:
    city = city_from(args)
    return {"city": city, "time_zone": TIME_ZONES.get(city)}


def run_tool(call) -> str:
    """Runs one tool call and returns what goes back to the model: the result, or an error it can act on."""
    if call.type != "function":
        return json.dumps({"error": f"unsupported tool type {call.type}"})
    try:
        args = json.loads(call.function.arguments)  # a string of JSON, never a dict
        if not isinstance(args, dict):
            raise ValueError("arguments must be an object")
        if call.function.name == "get_weather":
            return json.dumps(get_weather(args))
        if call.function.name == "get_time_zone":
            return json.dumps(get_time_zone(args))
        return json.dumps({"error": f"unknown function {call.function.name}"})
    except ValueError as err:  # json.JSONDecodeError is a ValueError too
        return json.dumps({"error": str(err)})


def ask(question: str, tool_choice="auto"):
    """Asks, runs whatever tools the model calls, sends the results back, and repeats until the model answers."""
    messages = [
        {"role": "system", "content": "You answer questions about the weather and time zones. Use the tools; never guess."},
        {"role": "user", "content": question},
    ]
    for round_number in range(1, 5):
        response = client.chat.completions.create(
            model="gpt-4o-mini",
            messages=messages,
            tools=tools,
            # Force a choice on the first round only: forcing it again after the results would loop for ever.
            tool_choice=tool_choice if round_number == 1 else "auto",
            temperature=0,
        )
        choice = response.choices[0]
        calls = choice.message.tool_calls or []
        print(f"round {round_number}: finish_reason {choice.finish_reason}, {len(calls)} tool call(s)")
        if not calls:
            return choice.message.content  # look at tool_calls, not only finish_reason

        messages.append(choice.message.model_dump(exclude_none=True))  # the assistant's request, unchanged
        for call in calls:
            result = run_tool(call)
            if call.type == "function":
                print(f"  {call.function.name}({call.function.arguments}) -> {result}")
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})  # one answer per call id
    raise RuntimeError("the model kept calling tools; giving up after 4 rounds")


print(ask("What's the weather like in Lisbon right now?"))

# Your turn:
# 1. Make the model call a function you name: ask "Which time zone is Tokyo in?" with
#    {"type": "function", "function": {"name": "get_time_zone"}} as the tool choice. What is finish_reason now?
# 2. Ask a question that needs two calls at once: "Compare the weather in Lisbon and Oslo right now."
#    Both calls arrive in one response; answer each by its id.
