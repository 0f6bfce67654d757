'use client';

import { useCallback, useRef, useState, type RefObject } from 'react';
import { findTypeProblems, type TypeProblem } from './monaco';
import type * as api from 'monaco-editor/editor';

/**
 * The TypeScript errors of the program as it was run. `check` is called on each Run and never delays it: the run goes
 * ahead while the worker answers (at most 3 s); a later Run's answer replaces an earlier one's, and a run without
 * errors clears the list.
 */
export function useTypeProblems(editorRef: RefObject<Pick<api.editor.ICodeEditor, 'setPosition' | 'revealPositionInCenterIfOutsideViewport' | 'focus'> | null>) {
  const [problems, setProblems] = useState<TypeProblem[]>([]);
  const latest = useRef(0);

  const check = useCallback((model: api.editor.ITextModel) => {
    const ticket = ++latest.current;
    void findTypeProblems(model).then((found) => {
      // A timeout (null) says nothing about this run's code, so it clears an older run's list rather than keep it.
      if (ticket === latest.current) setProblems(found ?? []);
    });
  }, []);

  const goTo = useCallback(
    (problem: TypeProblem) => {
      const editor = editorRef.current;
      if (!editor) return;
      const position = { lineNumber: problem.line, column: problem.column };
      editor.setPosition(position);
      editor.revealPositionInCenterIfOutsideViewport(position);
      editor.focus();
    },
    [editorRef],
  );

  return { problems, check, goTo };
}
