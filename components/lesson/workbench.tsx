import { EditorIsland } from '@/components/editor/editor-island';
import { WorkbenchTabs } from '@/components/editor/workbench-tabs';
import { RunTarget } from '@/components/runner/run-target';
import type { Lesson } from '@/lib/lessons/types';

/**
 * The right-hand column: the lesson's example in a live editor over its output (beside the text on wide screens,
 * below it on phones), and the Python version, read-only.
 */
export function Workbench({ lesson }: { lesson: Lesson }) {
  return (
    <aside
      id="workbench"
      aria-labelledby="workbench-title"
      // On wide screens the column is exactly the window's height and never scrolls itself: the editor stays in
      // sight and only the output below it scrolls (see .workbench-fit in globals.css).
      className="workbench-fit min-w-0 scroll-mt-20 lg:sticky lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:top-20 lg:flex lg:h-[calc(100dvh-6rem)] lg:flex-col lg:self-start"
    >
      <div className="rounded-xl border border-zinc-200 bg-zinc-50 p-4 lg:flex lg:min-h-0 lg:flex-1 lg:flex-col dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="workbench-title" className="font-semibold">
            Example
          </h2>
          <RunTarget />
        </div>
        <div className="mt-3 lg:flex lg:min-h-0 lg:flex-1 lg:flex-col">
          <WorkbenchTabs
            label="Example language"
            tabs={[
              {
                id: 'typescript',
                label: 'TypeScript',
                content: (
                  <EditorIsland
                    storageKey={lesson.slug}
                    lessonSlug={lesson.slug}
                    label={`TypeScript example of the lesson ${lesson.frontmatter.title}`}
                    starter={lesson.example.typescript.code}
                    solution={lesson.solution.typescript}
                    starterHtml={lesson.example.typescript.html}
                    fieldGuide={lesson.fieldGuide}
                    errorGuide={lesson.errorGuide.map(({ name, anchor }) => ({ name, anchor }))}
                    guideHref=""
                  />
                ),
              },
              {
                id: 'python',
                label: 'Python',
                content: (
                  <div>
                    <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">
                      Read-only: the runner runs TypeScript.
                    </p>
                    <div
                      className="[&_.shiki]:max-h-[70vh]"
                      dangerouslySetInnerHTML={{ __html: lesson.example.python.html }}
                    />
                  </div>
                ),
              },
            ]}
          />
        </div>
      </div>
    </aside>
  );
}
