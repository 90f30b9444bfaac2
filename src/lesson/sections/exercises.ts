import type { Tokens } from 'marked';
import { oneLine } from '../inline.js';
import { ID } from '../meta.js';
import type { Exercise } from '../model.js';
import { itemLines, joinCode, lastLine, paragraphText, splitItem } from '../tokens.js';
import { stripNumber } from './classify.js';
import type { ReadContext, SectionReader } from './context.js';

/**
 * Exercises, in the shapes the course writes them:
 * - `Exercise 1.2.26.4: task` as a bullet, a `###` heading, or bold lines one after another (one
 *   paragraph to markdown, one exercise a line here), each followed by its code block, if any;
 * - `**Starter Exercise 2: Title**` / `**Starter 1: Title**` blocks with code, under
 *   `### Starter Exercises (40 minutes)`: ids made from level and number (`1.1.48.starter-1`);
 * - numbered tasks under `### Starter Level (Required)` or `## Exercise 3: Starter Level`: ids made
 *   from the level and the position (`1.1.37.starter-2`).
 * - a task in plain words before any exercise or level, with its bullets and code ("Create a
 *   multi-file calculator application with:" + "- `operations.py`: …"): when the section holds no
 *   other exercise, that is its one exercise (`1.1.88.task-1`); else it was the section's intro
 *   (a line alone, with no bullets or code, is no task: the section is read out as text).
 * Levels come from `### Difficulty 2: Intermediate 🟨` or a level word; a "Solution:" label sends the
 * next code block to the exercise's solution.
 */

const EXERCISE = new RegExp(String.raw`^exercise\s+(${ID})\s*[:.\-–—]?\s*([\s\S]*)$`, 'i');
const EXERCISE_N = /^exercise\s+#?(\d+)\s*[:.\-–—]\s*([\s\S]*)$/i;
const LEVEL_WORDS: Record<string, 1 | 2 | 3> = {
  starter: 1, beginner: 1, basic: 1, easy: 1, warmup: 1, 'warm-up': 1,
  intermediate: 2, medium: 2, core: 2,
  advanced: 3, hard: 3, challenge: 3, expert: 3, stretch: 3, bonus: 3,
};
const LEVEL = String.raw`(starter|beginner|basic|easy|warm-?up|intermediate|medium|advanced|hard|challenge|expert|stretch|bonus)`;
const NAMED = new RegExp(String.raw`^${LEVEL}(?:\s+(?:exercise|task|problem|challenge))?\s*#?(\d+)\s*(?:[:.\-–—]\s*([\s\S]*))?$`, 'i');
const DIFFICULTY = /^difficulty\s*(\d+)\s*[:\-–—]?\s*(.*)$/i;
const LEVEL_HEADING = new RegExp(String.raw`^(?:level\s*(\d)\s*[:\-–—]?\s*)?${LEVEL}\b(?:\s+(?:level|exercises?|tasks?|problems?|challenges?))?`, 'i');
const SOLUTION_LABEL = /^(?:expected\s+|sample\s+|reference\s+)?(solution|answer)s?\s*:?\s*$/i;

/** "**Next Lesson**: …", "← Previous", "Proceed to …": the way on, read by the lesson, no exercise's text. */
const NAVIGATION = /^(next\b[^:]{0,20}:|→|->|←|<-|previous( lesson)?\s*:|proceed to\b)/i;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
/** Bold marks the lexer left (an unbalanced `**Advanced 1: Title*`) are not part of the text. */
const bare = (s: string) => oneLine(s.replace(/^[*_\s]+|[*_\s]+$/g, ''));

function levelFrom(text: string): { n: 1 | 2 | 3; name: string } | null {
  const clean = oneLine(stripNumber(text).replace(/[^\p{L}\p{N}\s:\-–—()]+/gu, ' '));
  const d = DIFFICULTY.exec(clean);
  if (d) {
    const n = Number(d[1]);
    return { n: Math.min(3, Math.max(1, n)) as 1 | 2 | 3, name: oneLine(d[2].replace(/\(.*?\)/g, '')) || `Level ${n}` };
  }
  const m = LEVEL_HEADING.exec(clean);
  if (!m) return null;
  const word = m[2].toLowerCase().replace('warm-up', 'warmup');
  return { n: m[1] ? (Math.min(3, Math.max(1, Number(m[1]))) as 1 | 2 | 3) : LEVEL_WORDS[word] ?? 1, name: capital(m[2]) };
}

/** The text of a code block's first line when it is a comment ("# TODO: Count the vowels"), else null. */
export function leadingComment(code: string): string | null {
  const first = code.split('\n').find((l) => l.trim()) ?? '';
  // A shebang or an encoding line is no task.
  if (/^\s*#!|coding[:=]/.test(first)) return null;
  const m = /^\s*(?:#+|\/\/+|--)\s*(\S.*?)\s*$/.exec(first);
  return m ? m[1] : null;
}

function push(ctx: ReadContext, e: Omit<Exercise, 'code' | 'solution'>): Exercise {
  const ex: Exercise = { ...e, code: null, solution: null };
  ctx.lesson.exercises.push(ex);
  ctx.state.lastExercise = ex;
  ctx.state.label = null;
  ctx.take(e.line);
  return ex;
}

/** A line that starts an exercise, or false. */
function startExercise(ctx: ReadContext, raw: string, line: number): boolean {
  const text = bare(raw);
  const { state, lesson } = ctx;
  const m = EXERCISE.exec(text);
  if (m) {
    if (!state.level) ctx.warn(line, `exercise ${m[1]} is not under a "### Difficulty N: Name" heading; taken as level 1`);
    push(ctx, { id: m[1], level: state.level?.n ?? 1, levelName: state.level?.name ?? 'Starter', prompt: bare(m[2]), generatedId: false, line });
    return true;
  }
  const n = EXERCISE_N.exec(text);
  if (n) {
    push(ctx, { id: `${lesson.id}.${n[1]}`, level: state.level?.n ?? 1, levelName: state.level?.name ?? 'Starter', prompt: bare(n[2]), generatedId: true, line });
    return true;
  }
  const named = NAMED.exec(text);
  if (named) {
    const word = named[1].toLowerCase().replace('warm-up', 'warmup');
    const level = LEVEL_WORDS[word] ?? 1;
    push(ctx, {
      id: `${lesson.id}.${word}-${named[2]}`,
      level,
      levelName: state.level && state.level.n === level ? state.level.name : capital(named[1]),
      prompt: bare(named[3] ?? ''),
      generatedId: true,
      line,
    });
    return true;
  }
  return false;
}

/** A numbered task under a level heading, which gives it no id: `<lesson>.<level>-<k>`. */
function unnamedExercise(ctx: ReadContext, prompt: string, line: number): void {
  const { state, lesson } = ctx;
  const level = state.level!;
  const slug = level.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `level-${level.n}`;
  const k = (ctx.unnamed.get(slug) ?? 0) + 1;
  ctx.unnamed.set(slug, k);
  const ex = push(ctx, { id: `${lesson.id}.${slug}-${k}`, level: level.n, levelName: level.name, prompt, generatedId: true, line });
  (ex as Exercise & { fromList?: true }).fromList = true;
}

/** Plain text before any exercise or level: a task, unless an exercise follows in the section. */
function holdLoose(ctx: ReadContext, text: string, line: number): boolean {
  const { state } = ctx;
  if (state.lastExercise || state.level || !text || NAVIGATION.test(text)) return false;
  state.loose ??= { text: [], lines: [], code: null, parts: 0, before: ctx.lesson.exercises.length };
  state.loose.text.push(text);
  state.loose.lines.push(line);
  return true;
}

function extend(ctx: ReadContext, text: string, line: number): boolean {
  const e = ctx.state.lastExercise;
  if (!e || !text) return false;
  if (NAVIGATION.test(text)) return true;
  if (SOLUTION_LABEL.test(bare(text))) {
    ctx.state.label = 'solution';
  } else {
    e.prompt = e.prompt ? `${e.prompt}\n${text}` : text;
  }
  ctx.take(line);
  return true;
}

export const exercises: SectionReader = {
  open(ctx, title, line) {
    // "## Exercise 3: Starter Level": a level for what follows; "## Exercise 3: Title": one exercise.
    const m = EXERCISE_N.exec(stripNumber(oneLine(title)));
    if (!m) return;
    const level = levelFrom(m[2]);
    if (level && /^\W*\w+\W*(level|exercises?)?\W*(\(.*\))?$/i.test(m[2])) ctx.state.level = level;
    else startExercise(ctx, title, line);
  },
  subheading(ctx, text, line) {
    const level = levelFrom(text);
    if (level && !EXERCISE.test(text) && !NAMED.test(bare(text))) {
      ctx.state.level = level;
      ctx.state.lastExercise = null;
      ctx.take(line);
    } else if (!startExercise(ctx, text, line)) {
      ctx.state.lastExercise = null;
    }
  },
  paragraph(ctx, token, line) {
    paragraphText(token)
      .split('\n')
      .forEach((l, i) => {
        if (!startExercise(ctx, l, line + i) && !extend(ctx, oneLine(l), line + i)) holdLoose(ctx, oneLine(l), line + i);
      });
  },
  list(ctx, list, line) {
    const lines = itemLines(list, line);
    list.items.forEach((item, i) => {
      const parts = splitItem(item);
      const head = oneLine(parts.head);
      const details = [...parts.nested.map((s) => `- ${s}`), ...parts.rest];
      const last = ctx.state.lastExercise as (Exercise & { fromList?: true }) | null;
      const itemEnd = lastLine(item, lines[i]);
      if (startExercise(ctx, head, lines[i])) {
        const e = ctx.state.lastExercise!;
        if (details.length) e.prompt = [e.prompt, ...details].filter(Boolean).join('\n');
        if (parts.code) e.code = joinCode(e.code, parts.code);
        ctx.take(lines[i], itemEnd);
      } else if (ctx.state.level && (!last || last.fromList)) {
        // "3. Combine patterns" then "4.Test with failures" (no space): markdown makes the second a
        // line of the first; it is the next task.
        const [first, ...glued] = parts.head.split(/\n(?=\d{1,2}[.)]\S)/);
        unnamedExercise(ctx, [glued.length ? oneLine(first) : head, ...(glued.length ? [] : details)].filter(Boolean).join('\n'), lines[i]);
        glued.forEach((g, k) => {
          unnamedExercise(ctx, [oneLine(g.replace(/^\d{1,2}[.)]/, '')), ...(k === glued.length - 1 ? details : [])].filter(Boolean).join('\n'), lines[i] + first.split('\n').length + k);
        });
        if (parts.code) ctx.state.lastExercise!.code = parts.code;
        ctx.take(lines[i], itemEnd);
      } else if (last) {
        last.prompt = [last.prompt, list.ordered ? `${(typeof list.start === 'number' ? list.start : 1) + i}. ${head}` : `- ${head}`, ...details.map((d) => `  ${d}`)].filter(Boolean).join('\n');
        if (parts.code) last.code = joinCode(last.code, parts.code);
        ctx.take(lines[i], itemEnd);
      } else if (ctx.state.loose && holdLoose(ctx, [`- ${head}`, ...details.map((d) => `  ${d}`)].join('\n'), lines[i])) {
        ctx.state.loose.parts++;
        for (let l = lines[i] + 1; l <= itemEnd; l++) ctx.state.loose.lines.push(l);
        if (parts.code) ctx.state.loose.code = joinCode(ctx.state.loose.code, parts.code);
      } else {
        ctx.warn(lines[i], `"${head.slice(0, 40)}" does not look like "Exercise ${ctx.lesson.id || 'X.Y.Z'}.N: task"`);
      }
    });
  },
  code(ctx, token: Tokens.Code, line) {
    const e = ctx.state.lastExercise;
    const loose = ctx.state.loose;
    if (!e && loose && !ctx.state.level) {
      loose.code = joinCode(loose.code, token.text);
      loose.parts++;
      for (let l = line; l <= lastLine(token, line); l++) loose.lines.push(l);
      return;
    }
    if (!e) return;
    if (ctx.state.label === 'solution') e.solution = joinCode(e.solution, token.text);
    else {
      // "**Starter Exercise 1:**" with no text: the task is the code's leading comment
      // ("# TODO: Use ternary to assign pass/fail"), so no step shows an empty prompt.
      if (!e.prompt && !e.code) e.prompt = leadingComment(token.text) ?? '';
      e.code = joinCode(e.code, token.text);
    }
    ctx.take(line, lastLine(token, line));
  },
  close(ctx) {
    const loose = ctx.state.loose;
    if (!loose || !loose.parts || ctx.lesson.exercises.length !== loose.before) return;
    const k = (ctx.unnamed.get('task') ?? 0) + 1;
    ctx.unnamed.set('task', k);
    const ex = push(ctx, { id: `${ctx.lesson.id}.task-${k}`, level: 1, levelName: 'Task', prompt: loose.text.join('\n'), generatedId: true, line: loose.lines[0] });
    ex.code = loose.code;
    for (const l of loose.lines) ctx.take(l);
    ctx.state.lastExercise = null;
  },
};
