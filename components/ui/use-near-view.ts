'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * True once the element comes within `margin` of the viewport, and from then on. Islands below the fold use it to
 * load their code only when the learner scrolls towards them (or follows a link to them), so a lesson page's first
 * load carries none of it. Not `enabled`: it does not watch (and stays false until enabled).
 */
export function useNearView(ref: RefObject<Element | null>, margin = '600px', enabled = true): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !enabled || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: margin,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref, margin, enabled]);
  return near;
}
