/**
 * Reads `choices[0].message.tool_calls.length` out of a JSON value. Only own data properties are followed (never
 * the prototype), and a final `length` counts the items of an array or the characters of a string.
 */
export function readPath(root: unknown, path: string): unknown {
  const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let here: unknown = root;
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    if (step.startsWith('[')) {
      if (!Array.isArray(here)) return undefined;
      here = here[Number(step.slice(1, -1))];
    } else if (last && step === 'length' && (Array.isArray(here) || typeof here === 'string')) {
      return here.length;
    } else if (
      typeof here === 'object' &&
      here !== null &&
      !Array.isArray(here) &&
      Object.hasOwn(here, step)
    ) {
      here = (here as Record<string, unknown>)[step];
    } else {
      return undefined;
    }
  }
  return here;
}
