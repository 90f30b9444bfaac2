import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { parseKey } from '../../src/lesson/key.js';
import { questionsFor } from '../../src/grading/questions.js';
import type { Question } from '../../src/grading/question.js';

/** The bundled lesson, its key, and its questions with the key applied. */
const lessonText = readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8');
const keyText = readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.key.yaml', import.meta.url), 'utf8');
export const lesson = parseLesson(lessonText);
export const key = parseKey(keyText, lesson).key;
export const questions = questionsFor(lesson, key);
export function question(ref: string): Question {
  const q = questions.find((x) => x.ref === ref);
  if (!q) throw new Error(`no question ${ref}`);
  return q;
}
