// Bundles src/cli.ts into dist/ with esbuild. Each command is a dynamic import, so esbuild's code
// splitting puts it (and the libraries only it uses) in its own chunk: `--version` loads cli.js alone.
// Bundling also lets mathjs be tree-shaken to the factories we use (importing all of it costs ~0.5 s).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // CommonJS dependencies (commander, write-file-atomic, …) call require() for node built-ins and
  // read __filename; an ES module has neither.
  banner: {
    js: [
      "import { createRequire as __cmlCreateRequire } from 'node:module';",
      "import { fileURLToPath as __cmlFileURLToPath } from 'node:url';",
      'const require = __cmlCreateRequire(import.meta.url);',
      'const __filename = __cmlFileURLToPath(import.meta.url);',
      "const __dirname = __cmlFileURLToPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
});
