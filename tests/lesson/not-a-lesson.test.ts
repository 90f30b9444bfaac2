import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLessonFile } from '../../src/lesson/load.js';
import { parseLesson } from '../../src/lesson/parse.js';
import { questionCounts } from '../../src/tutor/quiz.js';
import type { Question } from '../../src/grading/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'calc-ml-notlesson-'));
const put = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('a file that is not a lesson is said to be one, not read as a lesson with everything missing', () => {
  test('a README: headings, none of a lesson; the lesson shape it shows inside a fence does not count', () => {
    const file = put('NOTES.md', '# Tool notes\n\n## Install\n\nRun it.\n\n```markdown\n# Lesson 1.2.3: Shape\n\n## Exercises\n```\n\n## Licence\n\nMIT\n');
    expect(() => readLessonFile(file)).toThrow(/NOTES\.md is not a lesson: it has no "# Lesson X\.Y\.Z: Title" heading/);
  });

  test.each([
    ['a "# Lesson" title', 'notes-a.md', '# Lesson 2.3.4: Sets\n\nText.\n'],
    ['an id in the file name', 'Lesson-2.3.4-Sets.md', '# Sets\n\nText.\n'],
    ['a lesson section', 'notes-b.md', '# Sets\n\n## Exercises\n\n- Exercise 2.3.4.1: Make a set.\n'],
  ])('%s is enough to read it as a lesson (with warnings for the rest)', (_what, name, text) => {
    expect(readLessonFile(put(name, text))).toBe(text);
  });
});

test('"no … section" points at the last line of the file, not one past it', () => {
  const text = '# Lesson 2.3.4: Sets\n\nOne.\nTwo.\n';
  const w = parseLesson(text).warnings.find((x) => x.message === 'no "## Homework" section');
  expect(w?.line).toBe(4);
  expect(parseLesson(text.trimEnd()).warnings.find((x) => x.message === 'no "## Homework" section')?.line).toBe(4);
});

describe('the quiz counts multiple-choice items with no options as the questions it asks', () => {
  const q = (section: Question['section'], kind: Question['kind']) => ({ section, kind }) as unknown as Question;
  test.each([
    [[q('multipleChoice', 'choice'), q('trueFalse', 'truefalse')], ['1 multiple choice', '1 true/false']],
    [[q('multipleChoice', 'open'), q('multipleChoice', 'open'), q('conceptual', 'open')], ['2 multiple-choice topics with no options (answered in your own words)', '1 conceptual']],
    [[q('multipleChoice', 'choice'), q('multipleChoice', 'rubric')], ['1 multiple choice', '1 multiple-choice topic with no options (answered in your own words)']],
  ])('%#', (qs, want) => expect(questionCounts(qs)).toEqual(want));
});

describe('as a learner sees it on the command line', () => {
  const readme = put('README.md', '# My course notes\n\nLessons live in this folder.\n\n## Setup\n\nInstall Python.\n');

  test.each(['show', 'check', 'start', 'quiz'])('%s README.md says it is not a lesson, in one line, and fails', (cmd) => {
    const r = runCli([cmd, readme], { input: '' });
    const out = (r.stdout + r.stderr).trim().split('\n');
    expect(r.status).not.toBe(0);
    expect(out[0]).toMatch(/README\.md(: error:)? is not a lesson: it has no "# Lesson X\.Y\.Z: Title" heading/);
    // check adds its one summary line; nothing else (no stack trace, no "no … section" list).
    expect(out.slice(1)).toEqual(cmd === 'check' ? ['1 error, 0 warnings in 1 file'] : []);
  });

  test('check never points past the end of the file', () => {
    const lines = ['# Lesson 2.3.4: Sets', '', '**Estimated Time**: 1 hour | **Difficulty**: Beginner', '', '## Learning Objectives', '', '- Make a set', ''];
    const file = put('Lesson-2.3.4-Sets.md', lines.join('\n'));
    const r = runCli(['check', file]);
    const reported = [...r.stdout.matchAll(/\.md:(\d+): /g)].map((m) => Number(m[1]));
    expect(reported.length).toBeGreaterThan(0);
    expect(Math.max(...reported)).toBe(lines.length - 1); // the file's last line, "- Make a set"
  });

  test('a quiz whose multiple-choice items list no options says they are asked in your own words', () => {
    const file = put('Lesson-2.3.5-Test.md', '# Lesson 2.3.5: MILESTONE TEST - Sets\n\n## Part A: Multiple Choice (2 questions)\n\n1. What is a set?\n2. What does union return?\n\n## Part B: True/False (1 question)\n\n1. Sets keep order.\n');
    const r = runCli(['quiz', file], { input: '\n\n\n' });
    const said = r.stdout.replace(/\s+/g, ' '); // wrapped to the terminal's width
    expect(said).toContain('3 questions: 2 multiple-choice topics with no options (answered in your own words), 1 true/false.');
    expect(said).not.toMatch(/\b2 multiple choice\b/);
  });
});

test('check says which multiple-choice items list no options, and how the quiz asks them', () => {
  const file = put('Lesson-2.3.6-Test.md', '# Lesson 2.3.6: MILESTONE TEST - Maps\n\n## Part A: Multiple Choice (3 questions)\n\n1. What is a map?\n2. What does get return?\n3. Which is faster?\n   - A) a list\n   - B) a dict\n');
  const r = runCli(['check', file]);
  expect(r.stdout).toContain(`${file}:5: warning: the 2 multiple-choice items list no options (a), b), …); the quiz asks them to be answered in the learner's own words\n`);
});
