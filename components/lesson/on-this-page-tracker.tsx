'use client';

import { useEffect } from 'react';

/**
 * Marks the section being read in the server-rendered "On this page" list: the last section whose top has passed a
 * line a quarter down the window. An IntersectionObserver with a thin band at that line says when to look again, so
 * nothing runs on every scroll event. Also closes the list after a jump, on Escape, and (where it is a drop-down
 * over the text) on a click outside it. Renders nothing.
 */
export function OnThisPageTracker() {
  useEffect(() => {
    const nav = document.getElementById('on-this-page');
    const details = nav?.querySelector('details');
    if (!nav || !details) return;
    const links = [...nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const targets = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
    const label = nav.querySelector('[data-on-this-page-current]');
    const update = () => {
      let current = -1;
      targets.forEach((target, index) => {
        if (target && target.getBoundingClientRect().top <= innerHeight / 4) current = index;
      });
      links.forEach((link, index) => {
        if (index === current) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      });
      if (label) label.textContent = current < 0 ? '' : (links[current]?.textContent ?? '');
    };
    const observer = new IntersectionObserver(update, { rootMargin: '-25% 0px -74% 0px' });
    targets.forEach((target) => target && observer.observe(target));
    update();

    const close = () => (details.open = false);
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element).closest('a')) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !details.open) return;
      close();
      details.querySelector('summary')?.focus();
    };
    const wide = matchMedia('(min-width: 64rem)');
    const onOutside = (event: PointerEvent) => {
      if (details.open && wide.matches && !nav.contains(event.target as Node)) close();
    };
    nav.addEventListener('click', onClick);
    nav.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    return () => {
      observer.disconnect();
      nav.removeEventListener('click', onClick);
      nav.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
    };
  }, []);
  return null;
}
