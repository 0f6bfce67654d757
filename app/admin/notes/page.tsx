import type { Metadata } from 'next';
import { ModerationPanel } from '@/components/notes/moderation-panel';

export const metadata: Metadata = { title: 'Moderate notes', robots: { index: false, follow: false } };

/** The operator's moderation page. It holds no data itself: the panel calls the admin API with ADMIN_TOKEN. */
export default function ModerateNotesPage() {
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Moderate community notes</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        Reported and hidden notes, newest first. Hide, restore or delete them. The admin token is the
        server&apos;s <code>ADMIN_TOKEN</code>; it stays in this tab only.
      </p>
      <ModerationPanel />
    </div>
  );
}
