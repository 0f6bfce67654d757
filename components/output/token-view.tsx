'use client';

import { useState } from 'react';
import { tokenView, type TokenView as View } from '@/lib/runner/token-view';

/** Backgrounds that alternate between neighbouring tokens; text stays at full contrast on each. */
const SHADES = [
  'bg-sky-100 dark:bg-sky-900/60',
  'bg-amber-100 dark:bg-amber-900/60',
  'bg-emerald-100 dark:bg-emerald-900/60',
  'bg-fuchsia-100 dark:bg-fuchsia-900/60',
  'bg-zinc-200 dark:bg-zinc-700',
];

type Load =
  | { step: 'closed' }
  | { step: 'loading' }
  | { step: 'open'; view: View }
  | { step: 'failed'; message: string };

/** Whitespace a reader can see: a token that is only a space or a newline would otherwise vanish. */
const visible = (text: string) => text.replace(/\n/g, '↵\n').replace(/^ $/, '·');

/**
 * The run's own prompt as the model reads it: each message split into coloured tokens (id on hover, or shown),
 * counted, with the chat format's overhead, by the tokenizer the sandbox bills with (o200k_base). The tokenizer
 * (a few MB) loads only when the learner opens this view.
 */
export function TokenView({ request, promptTokens }: { request: unknown; promptTokens: number | null }) {
  const [load, setLoad] = useState<Load>({ step: 'closed' });
  const [ids, setIds] = useState(false);

  const open = async () => {
    if (load.step === 'open') return setLoad({ step: 'closed' });
    setLoad({ step: 'loading' });
    try {
      const { encode, decode } = await import('gpt-tokenizer/model/gpt-4o');
      const view = tokenView(request, { encode: (t) => encode(t), decode: (i) => decode(i) });
      setLoad(
        view ? { step: 'open', view } : { step: 'failed', message: 'This request has no messages to show.' },
      );
    } catch (error) {
      setLoad({
        step: 'failed',
        message: `The tokenizer could not load: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  return (
    <section
      aria-labelledby="token-view-title"
      className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="token-view-title" className="font-semibold">
          Tokens
        </h3>
        <button
          type="button"
          onClick={() => void open()}
          aria-expanded={load.step === 'open'}
          className="rounded-md bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800"
        >
          {load.step === 'open' ? 'Hide tokens' : 'Show this run’s prompt as tokens'}
        </button>
      </div>
      <p role="status" className="mt-1 text-sm text-zinc-700 empty:hidden dark:text-zinc-300">
        {load.step === 'loading' ? 'Loading the tokenizer…' : load.step === 'failed' ? load.message : ''}
      </p>
      {load.step === 'open' && (
        <div className="mt-2 space-y-3 text-sm">
          <label className="flex items-center gap-2 text-xs text-zinc-700 dark:text-zinc-300">
            <input type="checkbox" checked={ids} onChange={(e) => setIds(e.target.checked)} /> Show token ids
          </label>
          {load.view.messages.map((message, m) => (
            <div key={m}>
              <p className="text-xs text-zinc-700 dark:text-zinc-300">
                <span className="font-mono font-semibold">{message.role}</span>
                {message.name ? ` (${message.name})` : ''}: {message.count} tokens of text +{' '}
                {message.overhead} for the format
              </p>
              <p className="mt-1 font-mono text-[13px] leading-6 break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">
                {message.tokens.map((token, i) => (
                  <span
                    key={i}
                    title={`token id ${token.id}`}
                    data-token-id={token.id}
                    className={`rounded-sm ${SHADES[i % SHADES.length]}`}
                  >
                    {visible(token.text)}
                    {ids && (
                      <sub className="ml-px text-[10px] text-zinc-700 dark:text-zinc-300">{token.id}</sub>
                    )}
                  </span>
                ))}
                {message.tokens.length < message.count && (
                  <span className="text-zinc-700 dark:text-zinc-300">
                    {' '}
                    … ({message.count - message.tokens.length} more)
                  </span>
                )}
              </p>
            </div>
          ))}
          <p data-testid="token-total" className="text-zinc-800 dark:text-zinc-200">
            {load.view.priming} tokens prime the reply. In all: <strong>{load.view.total} tokens</strong>
            {promptTokens !== null && (
              <>
                ; the response reported <code className="font-mono">usage.prompt_tokens: {promptTokens}</code>
              </>
            )}
            . The format overhead is the OpenAI cookbook&apos;s estimate for gpt-4o models; tools and images
            add more.
          </p>
        </div>
      )}
    </section>
  );
}
