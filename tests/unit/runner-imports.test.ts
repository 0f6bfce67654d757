import { describe, expect, it } from 'vitest';
import { rewriteImports } from '@/lib/runner/imports';

const toBlob = (spec: string) => (spec === 'openai' ? 'blob:sdk' : null);

describe('rewriteImports', () => {
  it('rewrites static, side-effect, re-export and dynamic imports of the SDK', () => {
    const code = [
      "import OpenAI from 'openai';",
      'import { APIError } from "openai";',
      "import 'openai';",
      "export * from 'openai';",
      "const m = await import('openai');",
    ].join('\n');
    const { code: out, unresolved } = rewriteImports(code, toBlob);
    expect(unresolved).toEqual([]);
    expect(out.match(/"blob:sdk"/g)).toHaveLength(5);
    expect(out).not.toContain("'openai'");
  });

  it('leaves strings, comments, templates and regular expressions alone', () => {
    const code = [
      'console.log("import x from \'openai\'");',
      "// import y from 'openai'",
      "/* from 'openai' */",
      "const t = `from 'openai' ${ { a: 'b' }.a } from 'openai'`;",
      "const r = /from 'openai'/g;",
      "const q = a / b; const s = 'openai';",
    ].join('\n');
    const { code: out, unresolved } = rewriteImports(code, toBlob);
    expect(out).toBe(code);
    expect(unresolved).toEqual([]);
  });

  it('reports specifiers it cannot resolve', () => {
    const { unresolved } = rewriteImports(
      "import 'dotenv/config';\nimport fs from 'node:fs';\nimport OpenAI from 'openai';",
      toBlob,
    );
    expect(unresolved).toEqual(['dotenv/config', 'node:fs']);
  });

  it('finds imports after a template literal with nested substitutions', () => {
    const code = "const a = `x ${`y ${1}`} z`;\nimport OpenAI from 'openai';";
    expect(rewriteImports(code, toBlob).code).toContain('"blob:sdk"');
  });
});
