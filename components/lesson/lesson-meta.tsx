import { Badge } from '@/components/ui/badge';
import type { Frontmatter } from '@/lib/lessons/schema';

const levelLabel = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' } as const;

/** Level, time and the SDK versions a lesson was checked against. */
export function LessonMeta({ frontmatter, showSdk = false }: { frontmatter: Frontmatter; showSdk?: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Badge tone="brand">{levelLabel[frontmatter.level]}</Badge>
      <Badge>{frontmatter.minutes} min</Badge>
      {showSdk && (
        <>
          <Badge>openai {frontmatter.sdk.node} (Node)</Badge>
          <Badge>openai {frontmatter.sdk.python} (Python)</Badge>
          <Badge>model {frontmatter.model}</Badge>
        </>
      )}
    </div>
  );
}
