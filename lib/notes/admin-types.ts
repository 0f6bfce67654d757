/** A note as the moderator sees it: the Markdown source, never rendered HTML. */
export interface ModerationNote {
  id: number;
  lessonSlug: string;
  displayName: string;
  sdkVersion: string;
  body: string;
  createdAt: string;
  hiddenReason: 'reports' | 'moderator' | null;
  reportCount: number;
  reviewedAt: string | null;
}
