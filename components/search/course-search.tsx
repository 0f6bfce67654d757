'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type MiniSearch from 'minisearch';
import type { SearchDocument, SearchResultFields } from '@/lib/search/options';

type Index = MiniSearch<SearchDocument>;
type Load = { state: 'idle' | 'loading' | 'ready' } | { state: 'failed'; message: string };

const KIND_LABEL: Record<SearchDocument['kind'], string> = {
  lesson: 'Lesson',
  section: 'Section',
  topic: 'Topic',
  field: 'Field',
  error: 'Error',
};
const MAX_RESULTS = 8;

let indexPromise: Promise<Index> | undefined;

/** The index and the library load on first use only: no page pays for search until someone searches. */
function loadIndex(): Promise<Index> {
  indexPromise ??= Promise.all([
    import('minisearch'),
    import('@/lib/search/options'),
    fetch('/search-index.json'),
  ]).then(async ([{ default: MiniSearchClass }, { SEARCH_OPTIONS }, response]) => {
    if (!response.ok) throw new Error(`the search index answered ${response.status}`);
    return MiniSearchClass.loadJSON<SearchDocument>(await response.text(), SEARCH_OPTIONS);
  });
  indexPromise.catch(() => (indexPromise = undefined));
  return indexPromise;
}

/** `/` opens search, unless the learner is typing somewhere (an input, the editor). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
    target.closest('.monaco-editor') !== null
  );
}

/** Search the whole course from any page: lessons, sections, field-guide entries and error classes. */
export function CourseSearch() {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [index, setIndex] = useState<Index | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  const open = useCallback(() => {
    dialog.current?.showModal();
    input.current?.select();
    if (index) return;
    setLoad({ state: 'loading' });
    loadIndex().then(
      (loaded) => {
        setIndex(loaded);
        setLoad({ state: 'ready' });
      },
      (error: unknown) =>
        setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [index]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const results = (index && query.trim()
    ? index.search(query.trim()).slice(0, MAX_RESULTS)
    : []) as unknown as (SearchResultFields & { id: string })[];
  const go = (href: string) => {
    dialog.current?.close();
    router.push(href);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    // A search field takes Escape to clear itself; here Escape closes search, as in every command palette.
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.current?.close();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!results.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + results.length) % results.length);
    } else if (event.key === 'Enter' && results[active]) {
      event.preventDefault();
      go(results[active].href);
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const status =
    load.state === 'loading'
      ? 'Loading the course index…'
      : load.state === 'failed'
        ? `Search is unavailable: ${load.message}. Reload the page to try again.`
        : query.trim() && !results.length
          ? `Nothing in the course matches “${query.trim()}”.`
          : query.trim()
            ? `${results.length} result${results.length === 1 ? '' : 's'}. Use the arrow keys and Enter.`
            : '';

  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-keyshortcuts="/"
        className="ml-auto flex shrink-0 items-center gap-2 rounded-md border max-sm:p-2 border-zinc-300 px-2.5 py-1.5 text-sm text-zinc-600 hover:border-zinc-400 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:text-zinc-300 dark:hover:text-white"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
        </svg>
        {/* Icon only on phones (the header must fit 360 px); the hidden word stays the button's accessible name. */}
        <span className="max-sm:sr-only">Search</span>
        <kbd className="rounded border border-zinc-300 px-1 font-mono text-xs text-zinc-600 max-sm:hidden pointer-coarse:hidden dark:border-zinc-600 dark:text-zinc-300">
          /
        </kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label="Search the course"
        onClick={(event) => event.target === dialog.current && dialog.current?.close()}
        className="mx-auto mt-[12vh] w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <div className="border-b border-zinc-200 p-3 dark:border-zinc-700">
          <label htmlFor={`${listId}-input`} className="sr-only">
            Search lessons, sections and fields
          </label>
          <input
            ref={input}
            id={`${listId}-input`}
            type="search"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={results.length ? optionId(active) : undefined}
            placeholder="Search lessons, sections, fields… e.g. include_usage"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded-md bg-transparent px-2 py-2 text-base outline-none placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-brand-500 dark:placeholder:text-zinc-400"
          />
        </div>
        <ul id={listId} role="listbox" aria-label="Results" className="max-h-[50vh] overflow-y-auto p-2">
          {results.map((result, i) => (
            <li
              key={result.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onClick={() => go(result.href)}
              onMouseMove={() => setActive(i)}
              className={`cursor-pointer rounded-lg px-3 py-2 ${i === active ? 'bg-brand-50 dark:bg-brand-700/30' : ''}`}
            >
              <span className="block text-sm font-medium break-words">
                <span className="mr-2 text-xs font-normal text-zinc-600 uppercase dark:text-zinc-300">
                  {KIND_LABEL[result.kind]}
                </span>
                {result.title}
              </span>
              {result.kind !== 'lesson' && (
                <span className="block text-xs text-zinc-600 dark:text-zinc-300">{result.lessonTitle}</span>
              )}
            </li>
          ))}
        </ul>
        <p
          role="status"
          aria-live="polite"
          className="px-5 pb-3 text-sm text-zinc-600 empty:hidden dark:text-zinc-300"
        >
          {status}
        </p>
      </dialog>
    </>
  );
}
