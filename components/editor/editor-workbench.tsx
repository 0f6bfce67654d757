'use client';

import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { OutputPanel } from '@/components/output/output-panel';
import { TypeProblems } from '@/components/output/type-problems';
import { getRunnerSession, readOwnKey } from '@/components/runner/credentials';
import { useRunner } from '@/components/runner/use-runner';
import { DRILL_OPTIONS } from '@/lib/runner/drills';
import { findKeys, type KeyMatch } from '@/lib/runner/keys';
import type { RunnerDrill as Drill } from '@/lib/runner/protocol';
import { encodeShareFragment, KeyInCodeError } from '@/lib/runner/share';
import { initialCode, saveCode } from './code-store';
import { CompactRunBar } from './compact-run-bar';
import { KeyWarning } from './key-warning';
import { SharedCodeDialog } from './shared-code-dialog';
import { SolutionPanel } from './solution-panel';
import { emitJavaScript, loadSdkTypes, monaco, themeFor } from './monaco';
import type { WorkbenchConfig } from './types';
import { usePrefersDark } from './use-prefers-dark';
import { useOutputScroll } from './use-output-scroll';
import { useTypeProblems } from './use-type-problems';
import { EDITOR_HEIGHT } from './editor-skeleton';

type CodeEditor = Parameters<OnMount>[0];

/** Replaces the whole program as one edit between two undo stops: a single Undo in the editor brings it back. */
function replaceAll(editor: CodeEditor, source: string, text: string) {
  const model = editor.getModel();
  if (!model) return;
  editor.pushUndoStop();
  editor.executeEdits(source, [{ range: model.getFullModelRange(), text }]);
  editor.pushUndoStop();
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const button =
  'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-50';
const secondary = `${button} bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800`;

/** The editor, its toolbar and the output panel: loaded on demand by `EditorIsland`. */
export default function EditorWorkbench({
  autoFocus = false,
  ...config
}: WorkbenchConfig & { autoFocus?: boolean }) {
  const { storageKey, starter, solution, lessonSlug } = config;
  const [initial] = useState(() => initialCode(storageKey, starter));
  const editorRef = useRef<CodeEditor | null>(null);
  const [showSolution, setShowSolution] = useState(false);
  const [drill, setDrill] = useState<Drill | 'none'>('none');
  const [message, setMessage] = useState<string | null>(
    initial.source === 'shared' ? 'Loaded the code from the shared link.' : null,
  );
  const [replaced, setReplaced] = useState<string | null>(initial.replaced);
  // Code from a shared link asks before its first run spends the learner's own key (see SharedCodeDialog).
  const sharedAsk = useRef<'ask' | 'allowed'>(initial.source === 'shared' ? 'ask' : 'allowed');
  const [pendingShared, setPendingShared] = useState<{ code: string; drill: Drill | null } | null>(null);
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  const [keys, setKeys] = useState<KeyMatch[]>(() => findKeys(initial.code));
  const [pastedKey, setPastedKey] = useState(false);
  const [expectedBackend, setExpectedBackend] = useState<'sandbox' | 'upstream' | null>(null);
  const [solutionBase, setSolutionBase] = useState('');
  const [mounted, setMounted] = useState(false);
  const dark = usePrefersDark();
  const { state, run, stop, warmUp } = useRunner({ lessonSlug });
  // The first Run compiles against the SDK's types (about 2 s) before the runner hears of it: say so at once.
  const [compiling, setCompiling] = useState(false);
  const compilingRef = useRef(false);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const { problems: typeProblems, check: checkTypes, goTo: goToLine } = useTypeProblems(editorRef);
  const outputScroll = useOutputScroll(state.runId, typeProblems.length);
  const running = compiling || state.phase === 'preparing' || state.phase === 'running';
  const mac = isMac();

  const runProgram = useCallback(async () => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (compilingRef.current) return;
    compilingRef.current = true;
    let code: string;
    setCompiling(true);
    try {
      code = await emitJavaScript(model);
    } catch (error) {
      setMessage(`Could not compile the program: ${error instanceof Error ? error.message : String(error)}`);
      return;
    } finally {
      compilingRef.current = false;
      setCompiling(false);
    }
    // Type errors don't stop JavaScript, and a lesson may mean to run code that has them: run, and list them beside it.
    checkTypes(model);
    const chosen = drill === 'none' ? null : drill;
    setDrill('none');
    if (sharedAsk.current === 'ask' && readOwnKey()) {
      setPendingShared({ code, drill: chosen });
      return;
    }
    await run({ code, drill: chosen });
  }, [drill, run, checkTypes]);


  const onSharedChoice = (choice: 'own-key' | 'sandbox' | 'cancel') => {
    const pending = pendingShared;
    setPendingShared(null);
    if (!pending || choice === 'cancel') return;
    // Once the learner says yes, this code runs with their key; "sandbox" asks again next time.
    if (choice === 'own-key') sharedAsk.current = 'allowed';
    void run({ ...pending, useOwnKey: choice === 'own-key' });
  };

  // Monaco's keybinding keeps the first function it was given; it calls whatever is current through this ref.
  const runRef = useRef(runProgram);
  useEffect(() => {
    runRef.current = runProgram;
  }, [runProgram]);

  const onMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    performance.mark('tokenwise:editor-ready');
    setMounted(true);
    if (autoFocus) editor.focus();
    editor.addAction({
      id: 'tokenwise.run',
      label: 'Run the program',
      keybindings: [m.KeyMod.CtrlCmd | m.KeyCode.Enter],
      run: () => void runRef.current(),
    });
    let timer: number | undefined;
    editor.onDidChangeModelContent(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const code = editor.getValue();
        saveCode(storageKey, code, starter);
        const found = findKeys(code);
        setKeys(found);
        if (!found.length) setPastedKey(false);
      }, 250);
    });
    editor.onDidPaste((event) => {
      const pasted = editor.getModel()?.getValueInRange(event.range) ?? '';
      if (findKeys(pasted).length) {
        setPastedKey(true);
        setKeys(findKeys(editor.getValue()));
      }
    });
    // Warm up while the learner reads: the TypeScript program (first emit parses the SDK's types) and the runner.
    void loadSdkTypes().then(() => {
      const model = editor.getModel();
      if (model) window.setTimeout(() => void emitJavaScript(model).catch(() => {}), 500);
    });
    void warmUp();
    if (!readOwnKey()) {
      getRunnerSession()
        .then((session) => setExpectedBackend(session.backend))
        .catch(() => {});
    } else {
      setExpectedBackend('upstream');
    }
  };

  const reset = () => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (model.getValue() === starter) {
      setMessage('The code is already the starter.');
      return;
    }
    replaceAll(editor, 'reset', starter);
    editor.focus();
    setMessage(
      `Restored the starter code. Undo (${mac ? '⌘' : 'Ctrl'}+Z in the editor) brings your edits back.`,
    );
  };

  const restoreReplaced = () => {
    const editor = editorRef.current;
    if (!editor || replaced === null) return;
    replaceAll(editor, 'restore', replaced);
    setReplaced(null);
    setMessage('Your previous edits are back.');
  };

  const toggleSolution = () => {
    if (!showSolution) setSolutionBase(editorRef.current?.getValue() ?? '');
    setShowSolution(!showSolution);
  };

  const applySolution = () => {
    const editor = editorRef.current;
    if (!editor || solution === null) return;
    replaceAll(editor, 'solution', solution);
    // The editor was hidden behind the diff: show it before it can take the focus.
    flushSync(() => setShowSolution(false));
    editor.layout();
    editor.focus();
    setMessage(
      `Replaced your code with the solution. Undo (${mac ? '⌘' : 'Ctrl'}+Z in the editor) brings your code back.`,
    );
  };

  const goToProblem: typeof goToLine = (problem) => {
    if (showSolution) flushSync(() => setShowSolution(false));
    goToLine(problem);
  };

  const share = async () => {
    const code = editorRef.current?.getValue() ?? '';
    let url: string;
    try {
      url = `${window.location.origin}${window.location.pathname}#${encodeShareFragment(code)}`;
    } catch (error) {
      setShareUrl(null);
      setMessage(error instanceof KeyInCodeError ? `Not shared: ${error.message}` : 'Could not make a link.');
      return;
    }
    setShareUrl(url);
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Link copied. It restores this code; it holds no key.');
    } catch {
      setMessage('Copy the link below. It restores this code; it holds no key.');
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Ctrl/Cmd+Enter runs from anywhere in the workbench; inside Monaco its own keybinding handles it.
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    if ((event.target as HTMLElement).closest('.monaco-editor')) return;
    event.preventDefault();
    void runProgram();
  };

  const drillInfo = DRILL_OPTIONS.find((d) => d.value === drill);

  return (
    <div className="space-y-3" onKeyDown={onKeyDown} data-editor-ready={mounted}>
      <div ref={toolbarRef} role="toolbar" aria-label="Program" className="flex flex-wrap items-center gap-2">
        {running ? (
          <button
            type="button"
            onClick={stop}
            className={`${button} bg-red-600 text-white ring-red-700 hover:bg-red-700`}
          >
            <span aria-hidden="true">■</span> Stop
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void runProgram()}
            aria-keyshortcuts={mac ? 'Meta+Enter' : 'Control+Enter'}
            className={`${button} bg-brand-700 text-white ring-brand-700 hover:bg-brand-600`}
          >
            <span aria-hidden="true">▶</span> Run{' '}
            <kbd className="ml-1 hidden text-xs sm:inline pointer-coarse:hidden">
              {mac ? '⌘↵' : 'Ctrl+↵'}
            </kbd>
          </button>
        )}
        <button type="button" onClick={reset} className={secondary}>
          Reset
        </button>
        {solution !== null && (
          <button type="button" onClick={toggleSolution} aria-pressed={showSolution} className={secondary}>
            {showSolution ? 'Hide solution' : 'Show solution'}
          </button>
        )}
        <button type="button" onClick={() => void share()} className={secondary}>
          Share
        </button>
        <label className="ml-auto flex items-center gap-1.5 text-sm text-zinc-700 dark:text-zinc-300">
          <span>Error drill</span>
          <select
            value={drill}
            onChange={(e) => setDrill(e.target.value as Drill | 'none')}
            className="rounded-md border-0 bg-white py-1 pr-7 pl-2 text-sm ring-1 ring-zinc-300 ring-inset focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:ring-zinc-700"
          >
            {DRILL_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {drillInfo?.expect && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          The next run fails on purpose against the sandbox. Expect {drillInfo.expect}.
        </p>
      )}
      <KeyWarning keys={keys} pasted={pastedKey} />
      <div className={showSolution ? 'hidden' : ''}>
        <div
          // The frame shows where the keyboard is: brand-500 is 3:1 or more against the panel in light and dark.
          className={`overflow-hidden rounded-lg ring-1 ring-zinc-200 focus-within:ring-2 focus-within:ring-brand-500 dark:ring-zinc-800 dark:focus-within:ring-brand-500 ${EDITOR_HEIGHT}`}
          data-testid="editor-frame"
        >
          <Editor
            defaultLanguage="typescript"
            defaultValue={initial.code}
            path={`file:///${storageKey}/main.ts`}
            theme={themeFor(dark)}
            onMount={onMount}
            loading={null}
            options={{
              ariaLabel: `${config.label}. ${mac ? 'Cmd' : 'Ctrl'}+Enter runs it. Tab indents; press ${mac ? 'Ctrl+Shift+M' : 'Ctrl+M'} to make Tab move the focus instead.`,
              automaticLayout: true,
              fixedOverflowWidgets: true,
              fontSize: 13,
              minimap: { enabled: false },
              scrollBeyondLastLine: false,
              tabSize: 2,
              wordWrap: 'on',
              padding: { top: 8, bottom: 8 },
              renderLineHighlight: 'line',
              // Monaco dims the number of an empty last line to 40% of its colour, below AA: show it like the others.
              renderFinalNewline: 'on',
              // At its first or last line the wheel or a swipe scrolls the page instead of being swallowed.
              scrollbar: { alwaysConsumeMouseWheel: false },
            }}
          />
        </div>
      </div>
      {showSolution && solution !== null && (
        <SolutionPanel
          yours={solutionBase}
          solution={solution}
          storageKey={storageKey}
          dark={dark}
          onUse={applySolution}
          buttonClass={secondary}
        />
      )}
      <div ref={outputScroll} data-output-scroll className="space-y-3">
        <p className="text-xs text-zinc-500 pointer-coarse:hidden dark:text-zinc-400">
          Keyboard: {mac ? '⌘' : 'Ctrl'}+Enter runs. Tab indents inside the editor; to leave it with the
          keyboard, press <kbd>{mac ? 'Ctrl+Shift+M' : 'Ctrl+M'}</kbd> (then Tab moves the focus), or Escape
          then Shift+Tab.
        </p>
        <div role="status" aria-live="polite" className="min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
          {message}
          {replaced !== null && (
            <>
              {' '}
              <button
                type="button"
                onClick={restoreReplaced}
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                Bring back my previous edits
              </button>
            </>
          )}
        </div>
        {shareUrl && (
          <label className="block text-xs text-zinc-600 dark:text-zinc-400">
            Share link
            <input
              readOnly
              value={shareUrl}
              onFocus={(e) => e.currentTarget.select()}
              className="mt-1 block w-full rounded-md border-0 bg-white px-2 py-1 font-mono text-xs ring-1 ring-zinc-300 ring-inset dark:bg-zinc-900 dark:ring-zinc-700"
            />
          </label>
        )}
        <TypeProblems problems={typeProblems} onGo={goToProblem} />
        <OutputPanel
          state={
            compiling && state.phase !== 'preparing' && state.phase !== 'running'
              ? { ...state, phase: 'preparing' }
              : state
          }
          fieldGuide={config.fieldGuide}
          errorGuide={config.errorGuide}
          guideHref={config.guideHref}
          expectedBackend={expectedBackend}
        />
      </div>
      <CompactRunBar
        toolbar={toolbarRef}
        running={running}
        drill={drill}
        onDrill={setDrill}
        onRun={() => void runProgram()}
        onStop={stop}
      />
      <SharedCodeDialog open={pendingShared !== null} onChoose={onSharedChoice} />
    </div>
  );
}

// Keep a reference so bundlers do not drop the configured namespace before the editor mounts.
void monaco;
