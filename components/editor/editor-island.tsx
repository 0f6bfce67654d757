'use client';

import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { EditorSkeleton } from './editor-skeleton';
import type { WorkbenchConfig } from './types';

// Monaco, the runner and the output panel are one chunk, fetched only when the editor is wanted.
const EditorWorkbench = lazy(() => import('./editor-workbench'));

/**
 * The editor's place on the page. Until the learner scrolls it into view or focuses it, it shows the starter as
 * highlighted HTML, so the page's own JavaScript stays small; then it loads the editor.
 */
export function EditorIsland(config: WorkbenchConfig) {
  const [wanted, setWanted] = useState(false);
  // Focusing the skeleton means "I want to type": the editor takes the focus once it is there.
  const [focusOnLoad, setFocusOnLoad] = useState(false);
  const placeholder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Read by bench/editor.mjs: how long the editor takes once it is wanted.
    if (wanted) performance.mark('tokenwise:editor-requested');
  }, [wanted]);

  useEffect(() => {
    const element = placeholder.current;
    if (wanted || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setWanted(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [wanted]);

  const activate = () => {
    setWanted(true);
    setFocusOnLoad(true);
  };
  const skeleton = <EditorSkeleton html={config.starterHtml} onActivate={activate} />;
  return (
    <div ref={placeholder} data-editor-state={wanted ? 'loading' : 'idle'}>
      {wanted ? (
        <Suspense fallback={skeleton}>
          <EditorWorkbench {...config} autoFocus={focusOnLoad} />
        </Suspense>
      ) : (
        skeleton
      )}
    </div>
  );
}
