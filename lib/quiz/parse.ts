import { parse as parseYaml } from 'yaml';
import { expandPlaceholders } from '@/lib/lessons/placeholders';
import { SECTIONS } from '@/lib/lessons/schema';
import type { Lesson } from '@/lib/lessons/types';
import { renderMarkdown } from '@/lib/markdown/render';
import { expectedNumber } from './grade';
import type { ClientQuiz, QuizOutline } from './public';
import { quizFileSchema, type QuizFile } from './schema';

/** A problem in a lesson's quiz.yaml, naming the file and the field. */
export class QuizError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'QuizError';
  }
}

export interface Source {
  href: string;
  title: string;
}

/** A quiz ready to serve: the answer keys with their feedback pre-rendered, and the part the browser may see. */
export interface LoadedQuiz {
  lesson: string;
  file: QuizFile;
  client: ClientQuiz;
  outline: QuizOutline;
  /** Keyed by question or challenge id. */
  sources: Map<string, Source>;
  /** Rendered Markdown, keyed `question`, `question/option`, `question/model-answer`, `question/misconception/N`. */
  html: Map<string, string>;
}

/** Where each anchor on the lesson page leads, with a title a learner recognises. */
export function lessonAnchors(
  lesson: Pick<Lesson, 'slug' | 'sections' | 'fieldGuide' | 'errorGuide'>,
): Map<string, Source> {
  const anchors = new Map<string, Source>();
  const href = (anchor: string) => `/lessons/${lesson.slug}#${anchor}`;
  for (const section of lesson.sections)
    anchors.set(section.id, { href: href(section.id), title: section.title });
  for (const entry of lesson.fieldGuide)
    anchors.set(entry.anchor, { href: href(entry.anchor), title: `Field guide: ${entry.name}` });
  for (const entry of lesson.errorGuide)
    anchors.set(entry.anchor, { href: href(entry.anchor), title: `Error recovery: ${entry.name}` });
  return anchors;
}

async function render(markdown: string, { inline = false } = {}): Promise<string> {
  const html = (await renderMarkdown(expandPlaceholders(markdown), { trusted: true })).trim();
  // Option labels and titles sit inside inline elements, where a paragraph is not allowed.
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return inline && single && !single[1]!.includes('<p>') ? single[1]! : html;
}

/** Validates a quiz.yaml against its lesson and renders every piece of text in it. */
export async function parseQuiz(
  source: string,
  lesson: Pick<Lesson, 'slug' | 'folder' | 'sections' | 'fieldGuide' | 'errorGuide'>,
): Promise<LoadedQuiz> {
  const file = `lessons/${lesson.folder}/quiz.yaml`;
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    throw new QuizError(file, `not valid YAML: ${(error as Error).message}`);
  }
  const result = quizFileSchema.safeParse(data);
  if (!result.success) {
    throw new QuizError(
      file,
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  const quiz = result.data;

  const anchors = lessonAnchors(lesson);
  const sources = new Map<string, Source>();
  for (const item of [...quiz.questions, ...quiz.challenges]) {
    const target = anchors.get(item.source);
    if (!target) {
      throw new QuizError(
        file,
        `${item.id}.source: "#${item.source}" is not an anchor on the lesson page (try one of ${SECTIONS.map((s) => s.id).join(', ')}, or a field-/error- anchor)`,
      );
    }
    sources.set(item.id, target);
  }

  const html = new Map<string, string>();
  const client: ClientQuiz = { lesson: lesson.slug, questions: [], challenges: [] };
  try {
    for (const q of quiz.questions) {
      const base = { id: q.id, promptHtml: await render(q.prompt), hintHtml: await render(q.hint) };
      html.set(q.id, await render(q.explanation));
      if (q.kind === 'single' || q.kind === 'multiple') {
        const options = [];
        for (const o of q.options) {
          options.push({ id: o.id, html: await render(o.text, { inline: true }) });
          html.set(`${q.id}/${o.id}`, await render(o.explanation));
        }
        client.questions.push({ ...base, kind: q.kind, options });
      } else if (q.kind === 'numeric') {
        expectedNumber(q); // fails loudly on a model the catalog lacks
        client.questions.push({ ...base, kind: 'numeric', unit: q.unit });
      } else {
        html.set(`${q.id}/model-answer`, await render(q.modelAnswer));
        for (const [i, m] of q.rubric.misconceptions.entries())
          html.set(`${q.id}/misconception/${i}`, await render(m.feedback));
        client.questions.push({ ...base, kind: 'text', maxLength: q.maxLength });
      }
    }
    for (const c of quiz.challenges) {
      client.challenges.push({
        id: c.id,
        title: c.title,
        promptHtml: await render(c.prompt),
        hintHtml: await render(c.hint),
        ...(c.drill ? { drill: c.drill } : {}),
      });
    }
  } catch (error) {
    if (error instanceof QuizError) throw error;
    throw new QuizError(file, (error as Error).message);
  }

  const outline = {
    lesson: lesson.slug,
    questions: quiz.questions.map((q) => q.id),
    challenges: quiz.challenges.map((c) => c.id),
  };
  return { lesson: lesson.slug, file: quiz, client, outline, sources, html };
}
