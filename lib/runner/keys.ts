/**
 * Spots secrets pasted into code: OpenAI keys (`sk-…`, `sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`) and this app's
 * runner tokens. Code is saved in the browser and put into share links, so keys must never sit in it.
 */
const PATTERNS: { kind: 'openai-key' | 'runner-token'; re: RegExp }[] = [
  { kind: 'openai-key', re: /\bsk-(?:[A-Za-z]+-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'runner-token', re: /\btw_rt_[A-Za-z0-9._-]{16,}/g },
];

export interface KeyMatch {
  kind: 'openai-key' | 'runner-token';
  /** 1-based line of the match. */
  line: number;
  /** The match with all but its first 7 characters masked, safe to show. */
  masked: string;
}

export function findKeys(text: string): KeyMatch[] {
  const found: KeyMatch[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const match of text.matchAll(re)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ kind, line, masked: `${match[0].slice(0, 7)}…` });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

export function containsKey(text: string): boolean {
  return findKeys(text).length > 0;
}
