'use client';

import { useId, useRef, useState } from 'react';
import type { CheckResult, ClientQuestion, OptionFeedback } from '@/lib/quiz/public';
import { checkAnswer } from './api';

/** Authored HTML at the surrounding text size: paragraphs run inline, code keeps its chip. */
const COMPACT_HTML =
  '[&>p]:inline [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] dark:[&_code]:bg-zinc-800';

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'failed'; message: string }
  | { step: 'checked'; result: CheckResult };

interface Props {
  lesson: string;
  question: ClientQuestion;
  number: number;
  /** Answered correctly on an earlier visit. */
  done: boolean;
  /** The learner asked to see the answer on an earlier visit (and has not answered it right since). */
  revealed: boolean;
  onCorrect: (questionId: string) => void;
  onRevealed: (questionId: string) => void;
}

/**
 * One question: the answer goes to the server, which says whether it is right. A wrong try learns only why what it
 * chose is wrong; the explanation and the answer come with a right answer, or when the learner asks to see them.
 */
export function QuestionCard({ lesson, question, number, done, revealed, onCorrect, onRevealed }: Props) {
  const uid = useId();
  const headingId = `${uid}-heading`;
  const promptId = `${uid}-prompt`;
  const [chosen, setChosen] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  const checkButton = useRef<HTMLButtonElement>(null);

  const answered = state.step === 'checked' && state.result.status !== 'unreadable' ? state.result : null;
  const wrongTry = answered?.status === 'answered' && !answered.correct;
  const feedbackFor = (id: string): OptionFeedback | undefined => answered?.options?.find((o) => o.id === id);

  function edit<T>(set: (v: T) => void) {
    return (value: T) => {
      set(value);
      if (state.step !== 'checking') setState({ step: 'idle' });
    };
  }
  const choose = edit(setChosen);
  const type = edit(setTyped);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (state.step === 'checking') return;
    const answer = question.kind === 'single' || question.kind === 'multiple' ? chosen : typed;
    setState({ step: 'checking' });
    try {
      const result = await checkAnswer({ lesson, question: question.id, answer });
      setState({ step: 'checked', result });
      if (result.status === 'answered' && result.correct) onCorrect(question.id);
    } catch (error) {
      setState({ step: 'failed', message: (error as Error).message });
    }
  }

  async function reveal() {
    if (state.step === 'checking') return;
    // "Show answer" goes away once pressed: keep the focus in the question rather than letting it fall to <body>.
    checkButton.current?.focus();
    setState({ step: 'checking' });
    try {
      const result = await checkAnswer({ lesson, question: question.id, reveal: true });
      setState({ step: 'checked', result });
      onRevealed(question.id);
    } catch (error) {
      setState({ step: 'failed', message: (error as Error).message });
    }
  }

  return (
    <li id={`quiz-${question.id}`} className="scroll-mt-20">
      <form
        aria-labelledby={headingId}
        onSubmit={submit}
        className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
        noValidate
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h4 id={headingId} className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            Question {number}
          </h4>
          {done ? (
            <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-100 ring-inset dark:bg-brand-700/20 dark:text-brand-300 dark:ring-brand-700/40">
              <span aria-hidden="true">✓ </span>Answered correctly
            </span>
          ) : (
            revealed && (
              <span className="rounded-full bg-zinc-100 px-2.5 py-0.5 text-xs font-medium text-zinc-700 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700">
                Answer shown
              </span>
            )
          )}
        </div>
        <div id={promptId} className="prose-lesson mt-2" dangerouslySetInnerHTML={{ __html: question.promptHtml }} />

        <div className="mt-4">
          {(question.kind === 'single' || question.kind === 'multiple') && (
            <div role={question.kind === 'single' ? 'radiogroup' : 'group'} aria-labelledby={promptId} className="space-y-2">
              {question.kind === 'multiple' && <p className="text-sm text-zinc-600 dark:text-zinc-400">Choose every option that is right.</p>}
              {question.options.map((option) => {
                const feedback = feedbackFor(option.id);
                const checked = chosen.includes(option.id);
                return (
                  <div
                    key={option.id}
                    className={`rounded-lg border px-3 py-2 ${
                      feedback
                        ? feedback.correct
                          ? 'border-brand-500 bg-brand-50/60 dark:bg-brand-700/10'
                          : 'border-red-400 bg-red-50/60 dark:border-red-500/70 dark:bg-red-900/10'
                        : 'border-zinc-200 dark:border-zinc-800'
                    }`}
                  >
                    <label className="flex cursor-pointer items-start gap-3">
                      <input
                        type={question.kind === 'single' ? 'radio' : 'checkbox'}
                        name={`${uid}-answer`}
                        value={option.id}
                        checked={checked}
                        onChange={(e) =>
                          choose(question.kind === 'single' ? [option.id] : e.target.checked ? [...chosen, option.id] : chosen.filter((c) => c !== option.id))
                        }
                        className="mt-1.5 size-4 shrink-0 accent-brand-600"
                      />
                      <span className="prose-lesson min-w-0 break-words" dangerouslySetInnerHTML={{ __html: option.html }} />
                    </label>
                    {feedback && (
                      <div className="mt-1 pl-7 text-sm text-zinc-700 dark:text-zinc-300">
                        <strong className={feedback.correct ? 'text-brand-700 dark:text-brand-300' : 'text-red-700 dark:text-red-300'}>
                          {feedback.correct ? 'Right option. ' : 'Wrong option. '}
                        </strong>
                        <span className={COMPACT_HTML} dangerouslySetInnerHTML={{ __html: feedback.html }} />
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          )}
          {(question.kind === 'numeric' || question.kind === 'text') && (
            <div>
              <label htmlFor={`${uid}-input`} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
                Your answer{question.kind === 'numeric' && question.unit === 'usd' ? ' (US dollars)' : ''}
              </label>
              <div className="mt-1 flex max-w-md items-center rounded-lg border border-zinc-300 bg-white focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900">
                {question.kind === 'numeric' && question.unit === 'usd' && (
                  <span aria-hidden="true" className="pl-3 text-zinc-500">
                    $
                  </span>
                )}
                <input
                  id={`${uid}-input`}
                  type="text"
                  inputMode={question.kind === 'numeric' ? 'decimal' : 'text'}
                  autoComplete="off"
                  spellCheck={question.kind === 'text'}
                  maxLength={question.kind === 'text' ? question.maxLength : 40}
                  value={typed}
                  onChange={(e) => type(e.target.value)}
                  aria-describedby={promptId}
                  className="w-full min-w-0 rounded-lg bg-transparent px-3 py-2 font-mono text-sm outline-none"
                />
              </div>
            </div>
          )}
        </div>

        <details className="mt-4 rounded-lg border border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">Hint</summary>
          <div className="prose-lesson mt-2 text-sm" dangerouslySetInnerHTML={{ __html: question.hintHtml }} />
        </details>

        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            ref={checkButton}
            type="submit"
            // Not disabled while checking: a disabled button drops the focus to <body>. submit() ignores repeats.
            aria-busy={state.step === 'checking'}
            className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 aria-busy:opacity-60"
          >
            {state.step === 'checking' ? 'Checking…' : 'Check answer'}
          </button>
          {wrongTry && (
            <button
              type="button"
              onClick={reveal}
              className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
            >
              Show answer
            </button>
          )}
        </div>

        <div role="status" aria-live="polite" className="mt-4">
          {state.step === 'failed' && <p className="text-sm text-red-700 dark:text-red-300">{state.message}</p>}
          {state.step === 'checked' && state.result.status === 'unreadable' && (
            <p className="text-sm text-amber-800 dark:text-amber-200">{state.result.message}</p>
          )}
          {answered && <Feedback result={answered} />}
        </div>
      </form>
    </li>
  );
}

function Feedback({ result }: { result: Extract<CheckResult, { status: 'answered' | 'revealed' }> }) {
  const shown = result.status === 'revealed';
  return (
    <div
      className={`rounded-lg border-l-4 p-4 ${
        result.correct
          ? 'border-brand-500 bg-brand-50/60 dark:bg-brand-700/10'
          : shown
            ? 'border-zinc-400 bg-zinc-50 dark:bg-zinc-900'
            : 'border-amber-500 bg-amber-50/60 dark:bg-amber-900/10'
      }`}
    >
      <p className="font-semibold">
        {shown ? 'The answer.' : result.correct ? 'Correct.' : 'Not quite.'}
        {!shown && !result.correct && result.missed ? ` You left out ${result.missed} right ${result.missed === 1 ? 'option' : 'options'}.` : ''}
        {!shown && !result.correct && ' Open the hint, or read the passage below, and try again.'}
      </p>
      {result.feedbackHtml && <div className="prose-lesson mt-2" dangerouslySetInnerHTML={{ __html: result.feedbackHtml }} />}
      {result.explanationHtml && <div className="prose-lesson mt-2" dangerouslySetInnerHTML={{ __html: result.explanationHtml }} />}
      {result.modelAnswerHtml && (
        <div className="mt-3">
          <p className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">{result.correct ? 'In full' : 'Model answer'}</p>
          <div className="prose-lesson" dangerouslySetInnerHTML={{ __html: result.modelAnswerHtml }} />
        </div>
      )}
      <p className="mt-3 text-sm">
        From the lesson:{' '}
        <a href={result.source.href} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
          {result.source.title}
        </a>
      </p>
    </div>
  );
}
