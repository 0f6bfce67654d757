/** Every script runs on Node 22 (the `node@22` dev dependency); fail early with a clear message otherwise. */
export function requireNode22() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 22) {
    console.error(
      `Tokenwise needs Node.js 22, but this is Node ${process.versions.node}.\n` +
        'Run it through npm (npm start, npm test), which uses the Node 22 installed in node_modules/.bin by the\n' +
        '`node` dev dependency; or install Node 22 yourself (see .nvmrc).',
    );
    process.exit(1);
  }
}
