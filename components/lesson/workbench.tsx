import type { Lesson } from '@/lib/lessons/types';
import { ExampleTabs } from './example-tabs';

/** The right-hand column: the lesson's example, beside the text on wide screens, below it on phones. */
export function Workbench({ lesson }: { lesson: Lesson }) {
  return (
    <aside id="workbench" aria-labelledby="workbench-title" className="scroll-mt-20 lg:sticky lg:top-20">
      <div className="rounded-xl border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="workbench-title" className="font-semibold">
            Example
          </h2>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">read-only</span>
        </div>
        <div className="mt-3">
          <ExampleTabs
            label="Example language"
            tabs={[
              { id: 'typescript', label: 'TypeScript', html: lesson.example.typescript.html },
              { id: 'python', label: 'Python', html: lesson.example.python.html },
            ]}
          />
        </div>
      </div>
    </aside>
  );
}
