#!/usr/bin/env node
// `npx ownership-balance …`: runs the TypeScript CLI through tsx (a runtime dependency).
require('tsx/cjs');
const { runCli } = require('./main.ts');
const lines = [];
const code = runCli(process.argv.slice(2), {
  out: (s) => lines.push(s),
  err: (s) => process.stderr.write(s + '\n'),
});
process.stdout.write(lines.length ? lines.join('\n') + '\n' : '', () => process.exit(code));
