import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readKeyBeside, readLessonFile } from '../lesson/load.js';
import { parseLesson } from '../lesson/parse.js';
import { parseKey } from '../lesson/key.js';
import { outlineLesson } from '../lesson/outline.js';
import { compiledId, compiledPath, type CompiledLesson } from '../lesson/compiled.js';

/**
 * Build step (run by scripts/build.mjs from a bundle of this file): parses every lesson in
 * `lessonsDir` with its key and writes each as JSON to `outDir`, for lesson/compiled.ts.
 * A key with errors fails the build: it would ship a tutor that grades wrongly.
 */
export function compileLessons(lessonsDir: string, outDir: string, build: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of readdirSync(lessonsDir).filter((n) => /\.(md|markdown)$/i.test(n)).sort()) {
    const path = join(lessonsDir, name);
    const text = readLessonFile(path);
    const keyFile = readKeyBeside(path);
    const lesson = parseLesson(text, { fileName: path });
    let key: CompiledLesson['key'];
    if (keyFile) {
      const parsed = parseKey(keyFile.text, lesson);
      const errors = parsed.problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new Error(errors.map((p) => `${keyFile.path}:${p.line}: ${p.message}`).join('\n'));
      key = parsed.key;
    }
    const out = compiledPath(outDir, compiledId(path, text, keyFile?.text));
    writeFileSync(out, JSON.stringify({ build, lesson, key, outline: outlineLesson(text) } satisfies CompiledLesson));
    written.push(out);
  }
  return written;
}
