#!/usr/bin/env node
// Tiny launcher: the CLI is bundled into dist/ by `npm run build` (run on install by `prepare`).
// `--version` is answered here, from package.json, so it costs no more than node's own start.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  await import('../dist/cli.js');
}
