'use client';

/**
 * Monaco, from the installed `monaco-editor` package (never a CDN), with only what Tokenwise uses: the editor and
 * its features, and the TypeScript language with its language service. Imported on demand by the workbench.
 */
import { loader } from '@monaco-editor/react';
import * as api from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import { THEMES } from './themes';

export { themeFor } from './themes';

export const monaco = { ...api, typescript };
export type Monaco = typeof monaco;

/** Where `scripts/build/prepare.mjs` puts the SDK's declaration files. */
const TYPES_URL = '/generated/editor/openai-types.json';

/** Globals the runner gives every program, like Node's. */
const RUNNER_GLOBALS = `
declare var process: {
  env: Record<string, string | undefined>;
  argv: string[];
  exitCode: number | undefined;
  stdout: { write(text: string | Uint8Array): boolean };
  stderr: { write(text: string | Uint8Array): boolean };
  exit(code?: number): never;
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
};
`;

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

// Turbopack cannot resolve Monaco's own worker URLs, so the workers are created here from the package's paths.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') {
      return new Worker(new URL('monaco-editor/languages/features/typescript/ts.worker', import.meta.url), {
        type: 'module',
        name: 'typescript',
      });
    }
    return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), {
      type: 'module',
      name: 'editor',
    });
  },
};

const defaults = typescript.typescriptDefaults;
defaults.setCompilerOptions({
  target: 9 as never, // ES2022: top-level await, class fields
  module: typescript.ModuleKind.ESNext,
  moduleResolution: typescript.ModuleResolutionKind.NodeJs,
  // Every file is a module, so top-level await works even in a program without imports.
  moduleDetection: 3 as never,
  // No `lib`: the default for ES2022 is lib.es2022.full.d.ts, with the DOM's console, fetch and streams.
  strict: true,
  noUncheckedIndexedAccess: true,
  allowNonTsExtensions: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: false,
  sourceMap: false,
});
defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
defaults.setEagerModelSync(true);
const RUNNER_LIB = {
  content: RUNNER_GLOBALS,
  filePath: 'file:///node_modules/@types/tokenwise-runner/index.d.ts',
};
defaults.setExtraLibs([RUNNER_LIB]);

for (const [name, theme] of Object.entries(THEMES)) api.editor.defineTheme(name, theme);

loader.config({ monaco });

let types: Promise<void> | undefined;

/** Gives the TypeScript service the `openai` package's declarations (once per page). */
export function loadSdkTypes(): Promise<void> {
  types ??= fetch(TYPES_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`SDK types missing (${r.status})`);
      return r.json() as Promise<{ files: Record<string, string> }>;
    })
    .then(({ files }) => {
      const libs = Object.entries(files).map(([file, content]) => ({
        content,
        filePath: `file:///node_modules/openai/${file}`,
      }));
      defaults.setExtraLibs([RUNNER_LIB, ...libs]);
    })
    .catch((error: unknown) => {
      types = undefined;
      console.warn('Tokenwise: could not load the SDK types for the editor', error);
    });
  return types;
}

// Start fetching the SDK's types now, so they are usually in place before the editor shows its first markers.
void loadSdkTypes();

/** The model's TypeScript, compiled to an ES module by Monaco's TypeScript worker. */
export async function emitJavaScript(model: api.editor.ITextModel): Promise<string> {
  // Types are erased, so the JavaScript depends only on the text: a run of unchanged code (again, or with a drill)
  // reuses the last emit, and the warm-up emit while the learner reads serves the first run.
  const key = `${model.uri.toString()}@${model.getVersionId()}`;
  const cached = lastEmit.get(model);
  if (cached?.key === key) return cached.js;
  const getWorker = await typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const output = await worker.getEmitOutput(model.uri.toString());
  const js = output.outputFiles.find((f) => f.name.endsWith('.js'));
  if (!js) throw new Error('TypeScript produced no JavaScript for this file.');
  lastEmit.set(model, { key, js: js.text });
  return js.text;
}

const lastEmit = new WeakMap<api.editor.ITextModel, { key: string; js: string }>();

/** A TypeScript error in the learner's program, located for the editor (1-based line and column). */
export interface TypeProblem {
  line: number;
  column: number;
  message: string;
}

type DiagnosticText = string | { messageText: string; next?: DiagnosticText[] };

/** A diagnostic's message with its chain ("Type X is not assignable… Property y is missing…") on one line. */
function flattenMessage(text: DiagnosticText, depth = 0): string {
  if (typeof text === 'string') return text;
  // Chains are short in practice; the bound keeps a pathological one from building a huge string.
  const rest = depth < 4 ? (text.next ?? []).slice(0, 3).map((n) => flattenMessage(n, depth + 1)) : [];
  return [text.messageText, ...rest].join(' ');
}

/**
 * The model's TypeScript errors (syntax and types; warnings and suggestions left out), in source order, from the
 * same worker that compiles the run. Resolves to null when the worker does not answer within `timeoutMs`, so a slow
 * worker never holds anything up.
 */
export async function findTypeProblems(
  model: api.editor.ITextModel,
  timeoutMs = 3000,
): Promise<TypeProblem[] | null> {
  const version = model.getVersionId();
  const ask = (async () => {
    // Without the SDK's declarations every `openai` import would be an error of ours, not the learner's.
    await loadSdkTypes();
    const getWorker = await typescript.getTypeScriptWorker();
    const worker = await getWorker(model.uri);
    const file = model.uri.toString();
    const [syntactic, semantic] = await Promise.all([
      worker.getSyntacticDiagnostics(file),
      worker.getSemanticDiagnostics(file),
    ]);
    // The text changed while the worker thought: its offsets no longer point at the right lines.
    if (model.isDisposed() || model.getVersionId() !== version) return null;
    return [...syntactic, ...semantic]
      .filter((d) => d.category === 1)
      .map((d) => {
        const position = model.getPositionAt(d.start ?? 0);
        return { line: position.lineNumber, column: position.column, message: flattenMessage(d.messageText) };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([ask.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
