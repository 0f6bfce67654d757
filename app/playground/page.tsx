import type { Metadata } from 'next';
import { EditorIsland } from '@/components/editor/editor-island';
import { getLessons } from '@/lib/lessons/loader';
import { highlightToHtml } from '@/lib/markdown/highlight';

export const metadata: Metadata = {
  title: 'Playground',
  description:
    'Write and run any program against the OpenAI SDK, in your browser, against the sandbox model or your own key.',
};

// A starter that runs as it is: one request to the sandbox (or your key's model), its reply printed.
const STARTER = `// Playground: write any program with the openai SDK and run it with Ctrl+Enter (Cmd+Enter on a Mac).
import OpenAI from 'openai';

const client = new OpenAI();

const completion = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Say hello in one short sentence.' }],
});

console.log(completion.choices[0]?.message.content);
`;

export default async function PlaygroundPage() {
  // Fields in the inspector link to the first lesson's field guide, where they are explained.
  const [guideLesson] = await getLessons();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Playground</h1>
      <p className="mt-3 max-w-3xl text-zinc-600 dark:text-zinc-400">
        The lesson editor with a one-request starter, for experiments. It runs in a sandboxed frame in your browser
        and calls this app&apos;s <code className="font-mono text-[0.9em]">/api/v1</code>: the built-in
        sandbox model, or a real model with the key you set in{' '}
        <a href="/settings" className="font-medium text-brand-700 underline dark:text-brand-300">
          Settings
        </a>
        . Your code is saved in this browser.
      </p>
      {/* The output panel's headings are h3, under the lesson's "Example" h2: give them the same parent here. */}
      <h2 className="sr-only">Your program</h2>
      <div className="mt-6 rounded-xl border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <EditorIsland
          loadOnPhones="on-request"
          storageKey="playground"
          lessonSlug={null}
          label="Playground program"
          starter={STARTER}
          solution={null}
          starterHtml={await highlightToHtml(STARTER, 'ts')}
          fieldGuide={guideLesson?.fieldGuide ?? []}
          errorGuide={(guideLesson?.errorGuide ?? []).map(({ name, anchor }) => ({ name, anchor }))}
          guideHref={guideLesson ? `/lessons/${guideLesson.slug}` : ''}
        />
      </div>
    </div>
  );
}
