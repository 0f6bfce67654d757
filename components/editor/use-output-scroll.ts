'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * The output area below the editor scrolls on its own on wide screens (.workbench-fit). A new run brings its status
 * and first lines (or the type problems listed above them) to its top, wherever the last run was read; type problems
 * that arrive a moment after the run starts are brought into sight too. On phones the area does not scroll: nothing
 * moves.
 */
export function useOutputScroll(runId: string | null, typeProblems: number) {
  const area = useRef<HTMLDivElement>(null);

  const scrollTo = useCallback((selector: string) => {
    const element = area.current;
    const target = element?.querySelector(selector);
    if (!element || !target || element.scrollHeight <= element.clientHeight) return;
    if (getComputedStyle(element).overflowY !== 'auto') return;
    element.scrollTop += target.getBoundingClientRect().top - element.getBoundingClientRect().top;
  }, []);

  useEffect(() => {
    if (runId) scrollTo('[data-testid="type-problems"], [data-testid="output-panel"]');
  }, [runId, scrollTo]);

  useEffect(() => {
    if (typeProblems) scrollTo('[data-testid="type-problems"]');
  }, [typeProblems, scrollTo]);

  return area;
}
