import type { LessonSection as Section } from '@/lib/lessons/types';

/** One lesson section: a linkable heading over the sanitized HTML the loader rendered. */
export function LessonSection({ section, children }: { section: Section; children?: React.ReactNode }) {
  return (
    <section id={section.id} aria-labelledby={`${section.id}-title`} className="scroll-mt-4">
      <h2 className="group text-xl font-semibold tracking-tight text-zinc-900 sm:text-2xl dark:text-zinc-50">
        <span id={`${section.id}-title`}>{section.title}</span>
        <a
          href={`#${section.id}`}
          className="ml-2 text-zinc-400 opacity-0 group-hover:opacity-100 focus-visible:opacity-100"
          aria-label={`Link to “${section.title}”`}
        >
          #
        </a>
      </h2>
      {children}
      {section.html && <div className="prose-lesson mt-4" dangerouslySetInnerHTML={{ __html: section.html }} />}
    </section>
  );
}
