import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The `.d.ts` files the package's entry point reaches, keyed by path inside the package, plus a package.json
 * naming the entry, so Monaco's TypeScript service resolves `import OpenAI from 'openai'` like tsc does.
 * Source-map comments are dropped; doc comments stay (they are what hovers show).
 */
export function collectDeclarations(packageDir) {
  const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const entry = (pkg.types ?? pkg.typings ?? 'index.d.ts').replace(/^\.\//, '');
  const files = {
    'package.json': JSON.stringify({ name: pkg.name, version: pkg.version, types: `./${entry}` }),
  };
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (file in files) continue;
    const text = readFileSync(path.join(packageDir, file), 'utf8');
    files[file] = text.replace(/^\/\/# sourceMappingURL=.*$/gm, '');
    for (const match of text.matchAll(
      /(?:from\s*|import\s*\(\s*|import\s+|reference\s+path=)["']([^"']+)["']/g,
    )) {
      const specifier = match[1];
      if (!specifier.startsWith('.')) continue;
      const base = path.posix.join(path.posix.dirname(file), specifier).replace(/\.(m|c)?js$/, '');
      const found = [`${base}.d.ts`, `${base}/index.d.ts`].find(
        (c) => !c.startsWith('..') && existsSync(path.join(packageDir, c)),
      );
      if (found && !(found in files)) queue.push(found);
    }
  }
  return files;
}
