import { Lexer, type Token, type Tokens } from 'marked';
import { inlineText, normalizeLabel, oneLine } from './inline.js';
import type { Exercise, Lesson, LessonMeta, LessonRef, Warning } from './model.js';
import { sanitize } from './sanitize.js';
import { ID, idFromFileName, parseMeta } from './meta.js';

export { idFromFileName, parseMeta } from './meta.js';

/**
 * Markdown → Lesson. Follows the markdown structure from marked's lexer (a heading inside a code
 * fence is code, never a section); sections are recognised by their heading text, tolerant of
 * emoji, case and spacing. Nothing here throws on odd input: what is missing becomes a warning.
 */

type SectionKind =
  | 'objectives'
  | 'coreIdeas'
  | 'exercises'
  | 'miniProject'
  | 'quiz'
  | 'takeaways'
  | 'resources'
  | 'next'
  | 'homework'
  | 'part'
  | 'other';

type QuizKind = 'trueFalse' | 'conceptual' | 'coding' | null;

const LESSON_HEADING = new RegExp(String.raw`^lesson\s+(${ID})\s*[:\-–—]\s*(.+)$`, 'i');
const LESSON_REF = new RegExp(String.raw`lesson\s+(${ID})(?:\s*[:\-–—]\s*([^\n]+))?`, 'i');
const EXERCISE = new RegExp(String.raw`^exercise\s+(${ID})\s*[:.\-–—]?\s*([\s\S]*)$`, 'i');
const TF_MARK = /\(\s*(true|false)\s*\)\s*[.!]?\s*$/i;
const ANSWER_LINE = /^answer\s*:\s*(true|false)\b\s*(.*)$/i;
const EXPECTED_LINE = /^expected(?:\s+answer)?\s*:\s*([\s\S]+)$/i;
const DIFFICULTY = /^difficulty\s*(\d+)\s*[:\-–—]?\s*(.*)$/i;

export function classifySection(heading: string): SectionKind {
  const h = normalizeLabel(heading);
  if (/\bobjectives?\b/.test(h)) return 'objectives';
  if (/^core ideas?\b/.test(h) || h === 'key ideas') return 'coreIdeas';
  if (/^exercises?\b/.test(h) || /^practice exercises\b/.test(h)) return 'exercises';
  if (/^mini[\s-]?project\b/.test(h)) return 'miniProject';
  if (/^quiz\b/.test(h) || /\bassessment\b/.test(h)) return 'quiz';
  if (/^part [a-z]\b/.test(h)) return 'part';
  if (/takeaways?\b/.test(h)) return 'takeaways';
  if (/\bresources\b/.test(h)) return 'resources';
  if (/^next lesson\b/.test(h)) return 'next';
  if (/^homework\b/.test(h)) return 'homework';
  return 'other';
}

export function classifyQuizHeading(heading: string): QuizKind {
  const h = normalizeLabel(heading);
  if (/true\s*\/\s*false|quick check|true or false/.test(h)) return 'trueFalse';
  if (/coding|code challenge|programming|problems?\b/.test(h)) return 'coding';
  if (/conceptual|short answer|multiple choice|questions|open/.test(h)) return 'conceptual';
  return null;
}

interface Located {
  token: Token;
  line: number;
}

/** Top-level tokens with their 1-based line numbers. */
function locate(source: string, tokens: Token[]): Located[] {
  const out: Located[] = [];
  let pos = 0;
  let line = 1;
  for (const token of tokens) {
    const raw = token.raw ?? '';
    // Tokens' raw text normally tiles the source; search forward if the lexer trimmed something.
    let at = source.startsWith(raw, pos) ? pos : source.indexOf(raw, pos);
    if (at < 0) at = pos;
    line += countNewlines(source, pos, at);
    out.push({ token, line });
    line += countNewlines(raw, 0, raw.length);
    pos = at + raw.length;
  }
  return out;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function itemLines(list: Tokens.List, listLine: number): number[] {
  const lines: number[] = [];
  let line = listLine;
  for (const item of list.items) {
    lines.push(line);
    line += countNewlines(item.raw, 0, item.raw.length);
  }
  return lines;
}

/** The first text block of a list item, and what is nested under it. */
function splitItem(item: Tokens.ListItem): { head: string; nested: string[]; code: string | null; rest: string[] } {
  let head = '';
  const nested: string[] = [];
  const rest: string[] = [];
  let code: string | null = null;
  for (const t of item.tokens) {
    if ((t.type === 'text' || t.type === 'paragraph') && !head) {
      head = inlineText((t as Tokens.Text).tokens, (t as Tokens.Text).text);
    } else if (t.type === 'list') {
      for (const sub of (t as Tokens.List).items) nested.push(oneLine(splitItem(sub).head));
    } else if (t.type === 'code') {
      code = code ? code + '\n\n' + (t as Tokens.Code).text : (t as Tokens.Code).text;
    } else if (t.type === 'text' || t.type === 'paragraph') {
      rest.push(oneLine(inlineText((t as Tokens.Text).tokens, (t as Tokens.Text).text)));
    }
  }
  return { head, nested, code, rest };
}

function paragraphText(t: Token): string {
  return inlineText((t as Tokens.Paragraph).tokens, (t as Tokens.Paragraph).text);
}

/** Lines of a paragraph used as a list ("✅ **a** - b  \n✅ **c**"), bullets and emoji removed. */
function paragraphLines(t: Token): string[] {
  return paragraphText(t)
    .split('\n')
    .map((l) => oneLine(l.replace(/^[^\p{L}\p{N}`*_"'([]+/u, '')))
    .filter(Boolean);
}

function parseRef(text: string): LessonRef | null {
  const m = LESSON_REF.exec(text);
  if (!m) return null;
  return { id: m[1], title: oneLine(m[2] ?? '').replace(/\s*\(.*?\.md\)\s*$/, '') };
}

export function parseLesson(input: string, options: { fileName?: string } = {}): Lesson {
  const source = sanitize(input);
  let lexed: Token[] = [];
  let tooDeep = false;
  try {
    lexed = new Lexer().lex(source);
  } catch (e) {
    // marked's lexer recurses per level of nesting: thousands of "> > > …" overflow the stack.
    if (!(e instanceof RangeError)) throw e;
    tooDeep = true;
  }
  const tokens = locate(source, lexed);
  const lastLine = countNewlines(source, 0, source.length) + 1;
  const warnings: Warning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  if (tooDeep) warnings.push({ line: 1, message: 'the file nests quotes or lists too deeply to read; keep nesting to a few levels' });

  const lesson: Lesson = {
    id: '',
    title: '',
    meta: { estimatedTime: null, difficulty: null, prerequisites: null, topic: null },
    previous: null,
    objectives: [],
    coreIdeas: [],
    exercises: [],
    miniProject: null,
    quiz: { trueFalse: [], conceptual: [], coding: [] },
    takeaways: [],
    resources: [],
    next: null,
    homework: [],
    otherSections: [],
    warnings,
  };

  const seen = new Set<SectionKind>();
  let section: SectionKind | null = null;
  let quizKind: QuizKind = null;
  let quizOffset = 0;
  let level: { n: 1 | 2 | 3; name: string } | null = null;
  let lastExercise = null as Exercise | null;
  let lastCoding = null as Lesson["quiz"]["coding"][number] | null;
  let proceedTo: LessonRef | null = null;
  let titleLine = 0;

  const maxQuizN = () =>
    Math.max(0, ...[...lesson.quiz.trueFalse, ...lesson.quiz.conceptual, ...lesson.quiz.coding].map((q) => q.n));

  const addExercise = (text: string, line: number): boolean => {
    const m = EXERCISE.exec(oneLine(text));
    if (!m) return false;
    if (!level) warn(line, `exercise ${m[1]} is not under a "### Difficulty N: Name" heading; taken as level 1`);
    lastExercise = {
      id: m[1],
      level: level?.n ?? 1,
      levelName: level?.name ?? 'Starter',
      prompt: oneLine(m[2]),
      code: null,
      line,
    };
    lesson.exercises.push(lastExercise);
    return true;
  };

  const addQuizList = (list: Tokens.List, line: number) => {
    const lines = itemLines(list, line);
    const start = typeof list.start === 'number' ? list.start : 1;
    list.items.forEach((item, i) => {
      const n = list.ordered ? start + i + quizOffset : maxQuizN() + 1;
      const { head, nested, code, rest } = splitItem(item);
      const text = oneLine(head);
      if (quizKind === 'trueFalse') {
        let answer: boolean | null = null;
        let reason: string | null = null;
        let statement = text;
        const mark = TF_MARK.exec(text);
        if (mark) {
          answer = mark[1].toLowerCase() === 'true';
          statement = text.slice(0, mark.index).trim();
        } else {
          for (const sub of nested) {
            const a = ANSWER_LINE.exec(sub);
            if (a) {
              answer = a[1].toLowerCase() === 'true';
              reason = a[2].replace(/^[\s(–—-]+|[)\s]+$/g, '') || null;
            }
          }
        }
        lesson.quiz.trueFalse.push({ n, statement, answer, reason, line: lines[i] });
      } else if (quizKind === 'coding') {
        const task = [text, ...nested.map((s) => `- ${s}`), ...rest].join('\n');
        lastCoding = { n, task, code, line: lines[i] };
        lesson.quiz.coding.push(lastCoding);
      } else {
        const expected = nested.map((s) => EXPECTED_LINE.exec(s)?.[1]).find(Boolean) ?? null;
        lesson.quiz.conceptual.push({ n, question: text, expected: expected ? oneLine(expected) : null, line: lines[i] });
      }
    });
  };

  for (const { token, line } of tokens) {
    if (token.type === 'heading') {
      const h = token as Tokens.Heading;
      const text = oneLine(inlineText(h.tokens, h.text));
      if (h.depth === 1) {
        if (!lesson.title) {
          titleLine = line;
          const m = LESSON_HEADING.exec(text);
          if (m) {
            lesson.id = m[1];
            lesson.title = oneLine(m[2]);
          } else {
            lesson.title = text;
          }
        }
        continue;
      }
      if (h.depth === 2) {
        section = classifySection(text);
        seen.add(section);
        level = null;
        lastExercise = null;
        lastCoding = null;
        if (section === 'quiz') quizKind = null;
        if (section === 'part') {
          quizKind = classifyQuizHeading(text);
          quizOffset = maxQuizN();
          if (!quizKind) section = 'other';
        }
        if (section === 'miniProject') {
          lesson.miniProject = { title: oneLine(text.replace(/^mini[\s-]?project\s*[:\-–—]?\s*/i, '')), task: '' };
        }
        if (section === 'other') lesson.otherSections.push({ title: text, line });
        continue;
      }
      // ### and deeper: subsections
      if (section === 'exercises') {
        const d = DIFFICULTY.exec(oneLine(text.replace(/[^\p{L}\p{N}\s:\-–—]+/gu, ' ')));
        if (d) {
          const n = Number(d[1]);
          if (n < 1 || n > 3) warn(line, `difficulty ${n} is outside 1–3; taken as ${Math.min(3, Math.max(1, n))}`);
          const name = oneLine(d[2]);
          level = { n: Math.min(3, Math.max(1, n)) as 1 | 2 | 3, name: name || `Level ${n}` };
        } else if (!addExercise(text, line)) {
          lastExercise = null;
        }
      } else if (section === 'quiz' || section === 'part') {
        const problem = /^problem\s*\d*\s*[:.\-–—]?\s*(.*)$/i.exec(text);
        const kind = problem ? null : classifyQuizHeading(text);
        if (kind) {
          quizKind = kind;
          lastCoding = null;
        } else if (quizKind === 'coding') {
          // "### Problem 1: Gradient Descent" followed by its task paragraph
          lastCoding = { n: maxQuizN() + 1, task: problem?.[1] || text, code: null, line };
          lesson.quiz.coding.push(lastCoding);
        }
      }
      continue;
    }

    if (token.type === 'blockquote') {
      const text = oneLine(inlineText((token as Tokens.Blockquote).tokens.flatMap((t) => ('tokens' in t ? (t.tokens ?? []) : []))));
      if (/^previous lesson/i.test(text) && !lesson.previous) lesson.previous = parseRef(text);
      continue;
    }

    if (token.type === 'paragraph') {
      const text = paragraphText(token);
      if (section === null || (!lesson.meta.difficulty && !lesson.meta.estimatedTime && /\*\*[^*]+\*\*\s*:/.test(token.raw))) {
        if (parseMeta(text.replace(/\n/g, ' | '), lesson.meta)) continue;
      }
      const flat = oneLine(text);
      if (/^next lesson\s*:/i.test(flat)) lesson.next ??= parseRef(flat);
      const proceed = /proceed to\s+(?:the\s+)?(lesson\s+\S+)/i.exec(flat);
      if (proceed) proceedTo ??= parseRef(proceed[1].replace(/[.,;]$/, ''));
      switch (section) {
        case 'exercises':
          if (!addExercise(flat, line) && lastExercise) lastExercise.prompt = oneLine(`${lastExercise.prompt} ${flat}`);
          break;
        case 'miniProject':
          if (lesson.miniProject) lesson.miniProject.task = [lesson.miniProject.task, flat].filter(Boolean).join('\n');
          break;
        case 'quiz':
        case 'part':
          if (quizKind === 'coding' && lastCoding) lastCoding.task = [lastCoding.task, flat].filter(Boolean).join('\n');
          break;
        case 'takeaways':
          lesson.takeaways.push(...paragraphLines(token));
          break;
        case 'coreIdeas':
          if (!/^(by the end|you will)/i.test(flat)) lesson.coreIdeas.push(...paragraphLines(token));
          break;
        case 'next':
          lesson.next ??= parseRef(flat);
          break;
      }
      continue;
    }

    if (token.type === 'code') {
      const code = (token as Tokens.Code).text;
      if (section === 'exercises' && lastExercise) lastExercise.code = lastExercise.code ? `${lastExercise.code}\n\n${code}` : code;
      if ((section === 'quiz' || section === 'part') && quizKind === 'coding' && lastCoding) {
        lastCoding.code = lastCoding.code ? `${lastCoding.code}\n\n${code}` : code;
      }
      continue;
    }

    if (token.type === 'list') {
      const list = token as Tokens.List;
      const lines = itemLines(list, line);
      const heads = list.items.map((item) => oneLine(splitItem(item).head));
      switch (section) {
        case 'objectives':
          lesson.objectives.push(...heads);
          break;
        case 'coreIdeas':
          lesson.coreIdeas.push(...heads);
          break;
        case 'takeaways':
          lesson.takeaways.push(...heads);
          break;
        case 'resources':
          list.items.forEach((item) => lesson.resources.push(resourceText(item)));
          break;
        case 'homework':
          list.items.forEach((item, i) => lesson.homework.push({ task: heads[i], done: item.task ? !!item.checked : false }));
          break;
        case 'exercises':
          heads.forEach((h, i) => {
            if (!addExercise(h, lines[i])) {
              if (lastExercise) lastExercise.prompt = oneLine(`${lastExercise.prompt} ${h}`);
              else warn(lines[i], `"${h.slice(0, 40)}" does not look like "Exercise ${lesson.id || 'X.Y.Z'}.N: task"`);
            }
          });
          break;
        case 'miniProject':
          if (lesson.miniProject) lesson.miniProject.task = [lesson.miniProject.task, ...heads.map((h) => `- ${h}`)].filter(Boolean).join('\n');
          break;
        case 'quiz':
        case 'part':
          if (quizKind) addQuizList(list, line);
          else warn(line, 'a list in the quiz section is not under "### Quick Check (True/False)", "### Conceptual Questions" or "### Coding Challenge"; skipped');
          break;
        case 'next':
          break;
      }
    }
  }

  // The id: from the heading, else from the file name.
  if (!lesson.id) {
    const fromFile = idFromFileName(options.fileName);
    lesson.id = fromFile ?? '';
    warn(titleLine || 1, lesson.title
      ? `the title heading does not read "# Lesson X.Y.Z: Title"${fromFile ? `; id ${fromFile} taken from the file name` : ''}`
      : 'no "# Lesson X.Y.Z: Title" heading');
  }
  if (!lesson.title) lesson.title = lesson.id ? `Lesson ${lesson.id}` : 'Untitled lesson';
  if (!lesson.next && proceedTo) lesson.next = proceedTo;

  if (!lesson.meta.estimatedTime && !lesson.meta.difficulty) {
    warn(titleLine + 2 || 1, 'no "**Estimated Time**: … | **Difficulty**: …" line under the title');
  }
  const expectSection = (kind: SectionKind, heading: string) => {
    if (!seen.has(kind)) warn(lastLine, `no "${heading}" section`);
  };
  expectSection('objectives', '## Learning Objectives');
  expectSection('coreIdeas', '## Core Ideas');
  expectSection('exercises', '## Exercises');
  if (!seen.has('quiz') && !seen.has('part')) warn(lastLine, 'no "## Quiz & Assessment" section');
  expectSection('takeaways', '## Key Takeaways');
  expectSection('homework', '## Homework');
  if (!lesson.next) warn(lastLine, 'no next lesson ("## Next Lesson Preview" with "**Lesson X.Y.Z**: Title")');
  for (const e of lesson.exercises) {
    if (lesson.id && !e.id.startsWith(lesson.id + '.')) warn(e.line, `exercise ${e.id} does not belong to lesson ${lesson.id}`);
  }
  warnings.sort((a, b) => a.line - b.line);
  return lesson;
}

function resourceText(item: Tokens.ListItem): string {
  // A link's address is in the text when it differs from what the link says (inlineText).
  return oneLine(splitItem(item).head);
}
