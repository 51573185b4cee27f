#!/usr/bin/env node
// `npx ownership-balance …`: runs the TypeScript CLI through tsx (a runtime dependency).
require('tsx/cjs');
const { runCliAsync } = require('./main.ts');
runCliAsync(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
}).then((code) => process.stdout.write('', () => process.exit(code)));
