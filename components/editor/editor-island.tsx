'use client';

import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useNearView } from '@/components/ui/use-near-view';
import { EditorSkeleton } from './editor-skeleton';
import type { WorkbenchConfig } from './types';

// Monaco, the runner and the output panel are one chunk, fetched only when the editor is wanted.
const EditorWorkbench = lazy(() => import('./editor-workbench'));

const PHONE_OR_TOUCH = '(max-width: 1023px), (pointer: coarse)';
const onScreenChange = (change: () => void) => {
  const query = window.matchMedia(PHONE_OR_TOUCH);
  query.addEventListener('change', change);
  return () => query.removeEventListener('change', change);
};
// The server renders for no screen in particular: it says "loading", and the browser decides after hydration.
const phoneOrTouch = () => window.matchMedia(PHONE_OR_TOUCH).matches;
const notOnServer = () => false;

/**
 * The editor's place on the page. Until the learner scrolls it into view or focuses it, it shows the starter as
 * highlighted HTML, so the page's own JavaScript stays small; then it loads the editor.
 */
export function EditorIsland({
  loadOnPhones = 'in-view',
  ...config
}: WorkbenchConfig & {
  /**
   * `on-request`: on a phone-sized or touch screen the editor loads when the learner taps or focuses it, not when it
   * comes into view. For a page whose editor is in view at once (the playground): Monaco is about 1 MB of script
   * for the main thread, too much to spend on a phone before the learner shows they want to type.
   */
  loadOnPhones?: 'in-view' | 'on-request';
}) {
  // Focusing or tapping the skeleton means "I want to type": the editor loads and takes the focus once it is there.
  const [activated, setActivated] = useState(false);
  const waiting = useSyncExternalStore(onScreenChange, phoneOrTouch, notOnServer) && loadOnPhones === 'on-request';
  const placeholder = useRef<HTMLDivElement>(null);
  const wanted = useNearView(placeholder, '200px', !waiting) || activated;

  useEffect(() => {
    // Read by bench/editor.mjs: how long the editor takes once it is wanted.
    if (wanted) performance.mark('tokenwise:editor-requested');
  }, [wanted]);

  const skeleton = (
    <EditorSkeleton html={config.starterHtml} onActivate={() => setActivated(true)} waiting={waiting && !wanted} />
  );
  return (
    <div ref={placeholder} data-editor-state={wanted ? 'loading' : waiting ? 'waiting' : 'idle'}>
      {wanted ? (
        <Suspense fallback={skeleton}>
          <EditorWorkbench {...config} autoFocus={activated} />
        </Suspense>
      ) : (
        skeleton
      )}
    </div>
  );
}
