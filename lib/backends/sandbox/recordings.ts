import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Recorded sandbox answers that lessons ship for their own example prompts, in
 * `lessons/<NN-name>/sandbox.yaml`. The match is the last user message, trimmed, compared exactly; temperature 0
 * always answers with the first reply, higher temperatures pick a variant from `(model, messages, seed, choice)`.
 * After `tool` messages, a recording for the user's question is the final answer (the lesson writes it to use the
 * tool results it expects); without one the sandbox quotes the results itself.
 */
export const sandboxRecordingSchema = z
  .array(
    z.strictObject({
      match: z.string().trim().min(1).describe('the last user message, trimmed, matched exactly'),
      replies: z
        .array(z.string().min(1))
        .min(1)
        .describe('reply variants; variant 0 is the temperature-0 answer'),
    }),
  )
  .describe("a lesson's recorded sandbox answers");

export type SandboxRecording = z.infer<typeof sandboxRecordingSchema>[number];

/** Prompt text to reply variants, plus where each prompt came from (for clear duplicate errors). */
export type Recordings = ReadonlyMap<string, { replies: readonly string[]; source: string }>;

/** Reads every `<dir>/*\/sandbox.yaml`. A malformed file or a prompt recorded twice is an error naming the file. */
export function loadRecordings(lessonsDir: string): Recordings {
  const map = new Map<string, { replies: readonly string[]; source: string }>();
  if (!fs.existsSync(lessonsDir)) return map;
  const folders = fs
    .readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const file = path.join(lessonsDir, folder, 'sandbox.yaml');
    if (!fs.existsSync(file)) continue;
    const source = path.join(folder, 'sandbox.yaml');
    const parsed = sandboxRecordingSchema.safeParse(parse(fs.readFileSync(file, 'utf8')) ?? []);
    if (!parsed.success) {
      throw new Error(`Invalid sandbox recordings in ${source}: ${z.prettifyError(parsed.error)}`);
    }
    for (const { match, replies } of parsed.data) {
      const existing = map.get(match);
      if (existing)
        throw new Error(`Sandbox prompt "${match}" is recorded twice: ${existing.source} and ${source}`);
      map.set(match, { replies, source });
    }
  }
  return map;
}

let cached: Recordings | undefined;

/** The recordings of the app's own lessons, loaded once per process. */
export function lessonRecordings(): Recordings {
  cached ??= loadRecordings(path.join(process.cwd(), 'lessons'));
  return cached;
}
