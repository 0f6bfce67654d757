import type { ErrorGuideLink } from '@/components/output/error-card';
import type { GuideLink } from '@/lib/runner/field-guide';

/** Everything the editor and output panel need, as plain data from the server. */
export interface WorkbenchConfig {
  /** Where edits are saved: the lesson's slug, or `playground`. */
  storageKey: string;
  /** Sent with the `tokenwise:run` event; `null` outside a lesson. */
  lessonSlug: string | null;
  /** Names the editor for screen readers. */
  label: string;
  starter: string;
  /** The lesson's solution, shown as a diff on request; `null` in the playground. */
  solution: string | null;
  /** The starter, highlighted on the server: shown until the editor has loaded. */
  starterHtml: string;
  fieldGuide: GuideLink[];
  errorGuide: ErrorGuideLink[];
  /** Prefix for guide links: '' on the lesson page, `/lessons/<slug>` elsewhere. */
  guideHref: string;
}
