import { z } from 'zod';

/** Lesson frontmatter: the one contract between lesson authors and the app. */
export const frontmatterSchema = z
  .object({
    title: z.string().min(3).max(120).describe('Lesson title as shown on the card and the page'),
    summary: z.string().min(10).max(300).describe('One or two sentences for the course index card'),
    level: z.enum(['beginner', 'intermediate', 'advanced']).describe('Who the lesson is pitched at'),
    minutes: z.number().int().min(1).max(120).describe('Honest reading-and-trying time in minutes'),
    sdk: z
      .object({
        node: z
          .string()
          .regex(/^\d+\.\d+\.\d+$/, 'must be an exact version such as 7.57.0')
          .describe('The `openai` npm package version the lesson was checked against'),
        python: z
          .string()
          .regex(/^\d+(\.\d+){0,2}(\.x)?$/, 'must look like 3.x or 3.9.0')
          .describe('The Python `openai` package version the Python twin was checked against'),
      })
      .strict()
      .describe('SDK versions the lesson was checked against'),
    model: z.string().min(1).describe('Default model of the lesson example; must be in the model catalog'),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lowercase-kebab')).max(8).default([]).describe('Topics, lowercase-kebab'),
    skipIf: z
      .array(
        z
          .object({
            when: z.string().min(3).describe('The situation in which this lesson is the wrong tool'),
            use: z.string().min(3).describe('What to use instead'),
            lesson: z
              .string()
              .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lesson slug: the folder name without its number, such as streaming')
              .optional()
              .describe('Slug of the lesson that teaches the alternative; linked once that lesson exists (the content test checks it does)'),
          })
          .strict(),
      )
      .default([])
      .describe('What to use instead, and when'),
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;

/**
 * The sections a lesson page shows, in page order. A lesson's `## ` headings must be these titles (case-insensitive),
 * in this order; any may be left out. `example` is filled from `starter.ts` / `starter.py`.
 */
export const SECTIONS = [
  { id: 'learn', title: 'What you will learn' },
  { id: 'why', title: 'Why this matters' },
  { id: 'skip-if', title: 'Skip if' },
  { id: 'explanation', title: 'Explanation' },
  { id: 'example', title: 'The example' },
  { id: 'authentication', title: 'Authentication' },
  { id: 'response-shape', title: 'Response shape' },
  { id: 'field-guide', title: 'Field guide' },
  { id: 'setup-trap', title: 'Setup trap' },
  { id: 'cost', title: 'Cost' },
  { id: 'rate-limits', title: 'Rate limits' },
  { id: 'gotcha', title: 'Common gotcha' },
  { id: 'error-recovery', title: 'Error recovery' },
  { id: 'experienced', title: 'Experienced-dev note' },
  { id: 'check', title: 'Check your understanding' },
  { id: 'sources', title: 'Sources' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** `choices[0].finish_reason` and `finish_reason` both become an anchor a link can target. */
export function fieldAnchor(field: string): string {
  return (
    'field-' +
    field
      .toLowerCase()
      .replace(/\[\d*\]/g, '')
      .replace(/[^a-z0-9_]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}
