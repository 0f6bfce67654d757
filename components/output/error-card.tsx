import { errorHints, type HintPart, type RunVia } from '@/lib/runner/error-hints';
import { errorEntryFor } from '@/lib/runner/field-guide';
import type { RunnerDrill, SerializedError } from '@/lib/runner/protocol';

export interface ErrorGuideLink {
  name: string;
  anchor: string;
}

const LINK = 'font-medium text-brand-700 underline dark:text-brand-300';

function Hint({ parts }: { parts: HintPart[] }) {
  return (
    <p className="mt-2 text-zinc-800 dark:text-zinc-200">
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : 'code' in part ? (
          <code key={i} className="font-mono text-[0.92em]">
            {part.code}
          </code>
        ) : (
          // A plain link: a full page load keeps the tab's key and code (sessionStorage, saved per lesson).
          <a key={i} href={part.href} className={LINK}>
            {part.label}
          </a>
        ),
      )}
    </p>
  );
}

/**
 * An uncaught error: its class, status and message, what the learner can do about it (which depends on where the
 * run went: `via`, and the drill), and where the lesson explains how to recover from it. Its content is fixed once
 * shown (everything it reads is known before the program starts), so the alert is announced once.
 */
export function ErrorCard({
  error,
  errorGuide,
  guideHref,
  via = null,
  drill = null,
}: {
  error: SerializedError;
  errorGuide: readonly ErrorGuideLink[];
  guideHref: string;
  via?: RunVia | null;
  drill?: RunnerDrill | null;
}) {
  const { hints, guide } = errorHints(error, { via, drill });
  const entry = guide ? errorEntryFor(error.name, errorGuide) : undefined;
  const facts = [
    error.status !== undefined ? `status ${error.status}` : null,
    error.code ? `code ${error.code}` : null,
    error.type ? `type ${error.type}` : null,
    error.param ? `param ${error.param}` : null,
  ].filter(Boolean);
  const isApiError =
    error.status !== undefined ||
    (/Error$/.test(error.name) && error.name !== 'Error' && error.name !== 'TypeError');
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <p className="font-mono font-semibold text-red-800 dark:text-red-300" data-testid="error-class">
        {error.name}
      </p>
      {facts.length > 0 && (
        <p className="mt-1 font-mono text-xs text-red-900/80 dark:text-red-200/80">{facts.join(' · ')}</p>
      )}
      <p className="mt-1 break-words whitespace-pre-wrap text-red-950 dark:text-red-100">{error.message}</p>
      {error.requestID && (
        <p className="mt-1 font-mono text-xs text-zinc-600 dark:text-zinc-400">
          request id: {error.requestID}
        </p>
      )}
      {hints.map((parts, i) => (
        <Hint key={i} parts={parts} />
      ))}
      {entry && (
        <p className="mt-2">
          <a href={`${guideHref}#${entry.anchor}`} className={LINK}>
            How to recover from {error.name}
          </a>
        </p>
      )}
      {error.stack && !isApiError && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">Stack trace</summary>
          <pre className="mt-1 overflow-x-auto font-mono text-xs whitespace-pre">{error.stack}</pre>
        </details>
      )}
    </div>
  );
}
