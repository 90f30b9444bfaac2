// Bundles src/cli.ts into dist/ with esbuild. Each command is a dynamic import, so esbuild's code
// splitting puts it (and the libraries only it uses) in its own chunk: `--help` loads cli.js alone.
// Bundling also lets mathjs be tree-shaken to the factories we use (importing all of it costs ~0.5 s).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The build id names the code that parsed the precompiled lessons (see src/lesson/compiled.ts): a
// hash of the sources and the locked dependencies, so any change to the parser makes a new one.
const buildHash = createHash('sha256');
for (const f of [...readdirSync(join(root, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort().map((f) => join('src', f)), 'package.json', 'package-lock.json']) {
  buildHash.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
}
const BUILD_ID = buildHash.digest('hex').slice(0, 16);

const common = {
  // One version, from package.json, for `calc-ml --version` with other arguments and for help.
  define: { __CALC_ML_VERSION__: JSON.stringify(pkg.version), __CALC_ML_BUILD__: JSON.stringify(BUILD_ID) },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
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
};

// mathjs's derivative is bundled on its own, into dist/chunks/derivative.js, and engine.ts imports
// it at run time. Left to code splitting, it would share a chunk with the engine's mathjs code
// (esbuild splits by file, and both reach mathjs's factory index), and `plot x^2` would load it.
const derivativeApart = {
  name: 'derivative-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/derivative\.js$/ }, (args) =>
      args.importer.endsWith('engine.ts') ? { path: './derivative.js', external: true } : undefined,
    );
  },
};

// string-width 7 builds an Intl.Segmenter on import (20-40 ms before the first line is printed);
// src/text-width.ts is the same measure with the segmenter built on first need. Our code and wrap-ansi 9
// get it (an import of string-width in src/ too); the CommonJS copies of older versions that inquirer and others bundle keep their own.
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    const ours = join(root, 'src', 'text-width.ts');
    // esbuild names importers by their real path: a node_modules that is a symbolic link (a shared
    // install, pnpm) puts wrap-ansi outside root, so both spellings count.
    const wrap = join(root, 'node_modules', 'wrap-ansi');
    const mine = [wrap + '/', join(root, 'src') + '/', ...(existsSync(wrap) ? [realpathSync(wrap) + '/'] : [])];
    b.onResolve({ filter: /^string-width$/ }, (args) => (mine.some((d) => args.importer.startsWith(d)) ? { path: ours } : undefined));
  },
};

// Node's built-in modules through require (the banner's), not import: the first `import … from
// 'node:fs'` (or process, os, tty, as chalk does) builds an ES module facade that reads every
// export, getters included: fs's ReadStream loads the stream code, process's stdin opens a stream.
// That was 2 ms of `plot x^2`; the module itself is the same object either way.
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    // One stand-in per importing file, so that it is bundled with that file: shared by several, it
    // would be a chunk of its own, one more module to load for a line of code.
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) =>
      args.kind === 'import-statement' && isBuiltin(args.path) ? { path: `${args.path}?for=${args.importer}`, namespace: 'builtin', pluginData: args.path } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.pluginData)});`, loader: 'js' }));
  },
};

// commander requires node:child_process at its top, for executable subcommands, which calc-ml has
// none of; loading it pulls in net, dgram and the socket code, about 5 ms of every command's start.
// commander gets a stand-in that loads the module at its first use (never, in practice).
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    // By the path's end: node_modules may be a link (a worktree's), and esbuild gives the real path.
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let m; const load = () => (m ??= require('node:child_process')); module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() });",
      loader: 'js',
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const main = await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [derivativeApart, lazyStringWidth, lazyChildProcess, builtinsByRequire],
});
const derivative = await build({ ...common, entryPoints: ['src/math/derivative.ts'], outfile: 'dist/chunks/derivative.js' });

// The engine must sit in dist/chunks/ for its './derivative.js' to find the file built above.
const engineOut = Object.entries(main.metafile.outputs).find(([, o]) => Object.keys(o.inputs).some((i) => i.endsWith('src/math/engine.ts')));
if (!engineOut || !engineOut[0].startsWith('dist/chunks/')) throw new Error(`engine.ts was bundled into ${engineOut?.[0]}, not dist/chunks/`);

// What each chunk pulls in: tests check from it that `plot` does not load mathjs's derivative.
const outputs = { ...main.metafile.outputs, ...derivative.metafile.outputs };
writeFileSync(new URL('../dist/meta.json', import.meta.url), JSON.stringify({ inputs: { ...main.metafile.inputs, ...derivative.metafile.inputs }, outputs }));

// The bundled lessons, parsed now with their keys, so `quiz` and `start` need neither marked nor yaml
// to reach their first prompt. The compiler is bundled with the same settings and run once.
// Inside the project, so that the compiler's lazy require of the NLP packages finds node_modules.
const tmp = mkdtempSync(join(root, 'node_modules', '.calc-ml-build-'));
try {
  const compiler = join(tmp, 'compile-lessons.mjs');
  await build({ ...common, metafile: false, entryPoints: ['src/build/compile-lessons.ts'], outfile: compiler });
  const { compileLessons } = await import(pathToFileURL(compiler).href);
  compileLessons(join(root, 'lessons'), join(root, 'dist', 'compiled'), BUILD_ID);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
