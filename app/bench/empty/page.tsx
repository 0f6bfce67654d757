import type { Metadata } from 'next';

/** The framework's floor for `bench/page-weight.mjs`: an empty page of this app, same layout, no lesson. */
export const metadata: Metadata = { title: 'Empty page (benchmark floor)', robots: { index: false } };

export default function EmptyPage() {
  return <p className="sr-only">This page is intentionally empty: the benchmarks measure the framework against it.</p>;
}
