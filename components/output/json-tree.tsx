'use client';

import { useId, useState } from 'react';
import { formatPath, guideEntryFor, type GuideLink, type JsonPath } from '@/lib/runner/field-guide';

export interface JsonTreeProps {
  value: unknown;
  /** Accessible name of the tree. */
  label: string;
  /** Field-guide entries; fields they explain link to them. */
  guide?: readonly GuideLink[];
  /** Prefix of guide links: '' on the lesson page itself, `/lessons/<slug>` elsewhere. */
  guideHref?: string;
  /** Objects and arrays this deep start open. @default 3 */
  openDepth?: number;
}

/** A collapsible JSON tree; each field the lesson's field guide explains links to it and shows its summary. */
export function JsonTree({ value, label, guide = [], guideHref = '', openDepth = 3 }: JsonTreeProps) {
  return (
    <div aria-label={label} role="group" className="overflow-x-auto font-mono text-[13px] leading-5">
      <JsonNode value={value} path={[]} guide={guide} guideHref={guideHref} openDepth={openDepth} />
    </div>
  );
}

interface NodeProps {
  value: unknown;
  path: JsonPath;
  guide: readonly GuideLink[];
  guideHref: string;
  openDepth: number;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function JsonNode({ value, path, guide, guideHref, openDepth }: NodeProps) {
  const [open, setOpen] = useState(path.length < openDepth);
  const childrenId = useId();
  const key = path[path.length - 1];
  const label =
    key === undefined ? null : <FieldKey name={key} path={path} guide={guide} guideHref={guideHref} />;

  if (!isContainer(value)) {
    return (
      <div className="pl-4" data-path={formatPath(path)}>
        {label}
        {label && <span className="text-zinc-600 dark:text-zinc-400">: </span>}
        <Primitive value={value} />
      </div>
    );
  }

  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  const [openBracket, closeBracket] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div className={path.length ? 'pl-4' : ''} data-path={formatPath(path)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={childrenId}
        aria-label={`${open ? 'Collapse' : 'Expand'} ${path.length ? formatPath(path) : 'response'}`}
        onClick={() => setOpen(!open)}
        className="-ml-4 inline-block w-4 text-zinc-600 dark:text-zinc-400 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:text-white"
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {label}
      {label && <span className="text-zinc-600 dark:text-zinc-400">: </span>}
      <span className="text-zinc-600 dark:text-zinc-400">{openBracket}</span>
      {!open && (
        <span className="text-zinc-600 dark:text-zinc-400">
          {' '}
          {entries.length}{' '}
          {Array.isArray(value)
            ? entries.length === 1
              ? 'item'
              : 'items'
            : entries.length === 1
              ? 'field'
              : 'fields'}{' '}
          {closeBracket}
        </span>
      )}
      {open && (
        <div id={childrenId}>
          {entries.map(([k, v]) => (
            <JsonNode
              key={k}
              value={v}
              path={[...path, k]}
              guide={guide}
              guideHref={guideHref}
              openDepth={openDepth}
            />
          ))}
          <span className="text-zinc-600 dark:text-zinc-400">{closeBracket}</span>
        </div>
      )}
    </div>
  );
}

function FieldKey({
  name,
  path,
  guide,
  guideHref,
}: {
  name: string | number;
  path: JsonPath;
  guide: readonly GuideLink[];
  guideHref: string;
}) {
  const tipId = useId();
  const entry = typeof name === 'string' ? guideEntryFor(path, guide) : undefined;
  const text = typeof name === 'number' ? String(name) : name;
  if (!entry)
    return (
      <span className={typeof name === 'number' ? 'text-zinc-600 dark:text-zinc-400' : 'text-sky-800 dark:text-sky-300'}>
        {text}
      </span>
    );
  return (
    <span className="group/field relative">
      <a
        href={`${guideHref}#${entry.anchor}`}
        aria-describedby={entry.summary ? tipId : undefined}
        className="text-sky-800 underline decoration-dotted underline-offset-2 hover:decoration-solid focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-sky-300"
      >
        {text}
      </a>
      {entry.summary && (
        <span
          id={tipId}
          role="tooltip"
          className="pointer-events-none invisible absolute bottom-full left-0 z-20 mb-1 w-72 rounded-md bg-zinc-900 px-2.5 py-1.5 font-sans text-xs leading-snug text-white opacity-0 shadow-lg transition group-focus-within/field:visible group-focus-within/field:opacity-100 group-hover/field:visible group-hover/field:opacity-100 dark:bg-zinc-100 dark:text-zinc-900"
        >
          <span className="font-mono font-semibold">{formatPath(path)}</span>: {entry.summary}
        </span>
      )}
    </span>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    return (
      <span className="break-words whitespace-pre-wrap text-emerald-800 dark:text-emerald-300">
        {JSON.stringify(value)}
      </span>
    );
  }
  if (typeof value === 'number')
    return <span className="text-amber-800 dark:text-amber-300">{String(value)}</span>;
  if (typeof value === 'boolean')
    return <span className="text-violet-800 dark:text-violet-300">{String(value)}</span>;
  return <span className="text-zinc-600 dark:text-zinc-400">{value === null ? 'null' : String(value)}</span>;
}
