import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link to another page of the course, without Next's prefetching. By default Next fetches the payload (and the
 * scripts) of every page a link in view points to: on the index that is every lesson, about 25 kB each, parsed on
 * the main thread while the page is still loading. Pages here are static and small, so fetching on click is quick.
 */
export function PageLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link {...props} prefetch={false} />;
}
