import { Lexer, type Tokens } from 'marked';
import { inlineText, oneLine } from './inline.js';
import { lessonKey, type Lesson, type LessonRef, type Warning } from './model.js';
import { sanitize } from './sanitize.js';
import { courseIdFromFileName, idFromFileName, idMismatch, parseMeta } from './meta.js';
import { LESSON_HEADING, parseRef } from './refs.js';
import { closeBefore, singleBacktickFences } from './fences.js';
import { countNewlines, locate, paragraphText, type Located } from './tokens.js';
import { READERS, classifySection, freshState, type ReadContext, type SectionKind } from './sections/index.js';
import { partKind } from './sections/classify.js';
import { isPlaceholderText } from './sections/quiz-items.js';

export { idFromFileName, parseMeta } from './meta.js';
export { classifySection, classifyQuizHeading } from './sections/index.js';

/**
 * Markdown → Lesson. Follows the markdown structure from marked's lexer (a heading inside a code
 * fence is code, never a section); sections are recognised by their heading text, tolerant of
 * emoji, numbering, case and spacing, and each kind of section has its own reader
 * (sections/index.ts). Nothing here throws on odd input: what is missing becomes a warning.
 */

/** A section title that gives points ("(2 hours / 20 points)"): a part of a test. */
const SCORED = /\b\d+\s*(?:points?|pts|marks)\b/i;

export interface LessonReading {
  lesson: Lesson;
  /** Lines the readers put into the model (for `check --course`: what was not placed). */
  taken: Set<number>;
  /** The text as read (sanitized, fences mended), line for line the author's. */
  source: string;
}

export function parseLesson(input: string, options: { fileName?: string } = {}): Lesson {
  return readLesson(input, options).lesson;
}

function lex(source: string): { tokens: Located[]; tooDeep: boolean } {
  try {
    return { tokens: locate(source, new Lexer().lex(source)), tooDeep: false };
  } catch (e) {
    // marked's lexer recurses per level of nesting: thousands of "> > > …" overflow the stack.
    if (!(e instanceof RangeError)) throw e;
    return { tokens: [], tooDeep: true };
  }
}

/** The first section heading a code block swallowed: a fence left open, or a stray ``` line. */
function swallowed(tokens: Located[]): { fenceLine: number; fence: string; headingLine: number; heading: string } | null {
  for (const { token, line } of tokens) {
    if (token.type !== 'code' || !/^\s{0,3}(`{3,}|~{3,})/.test(token.raw)) continue;
    const body = (token as Tokens.Code).text.split('\n');
    // A block may show markdown on purpose ("```markdown … ## Quiz"); it is stray when its fence is
    // bare (a lone ``` line) or it holds the opening of another block (its own close was left out).
    const bare = !(token as Tokens.Code).lang;
    const unclosed = !/\n\s{0,3}(`{3,}|~{3,})\s*$/.test(token.raw.trimEnd());
    if (!bare && !unclosed && !body.some((l) => /^\s{0,3}(`{3,}|~{3,})\s*[A-Za-z]/.test(l))) continue;
    for (let i = 0; i < body.length; i++) {
      // "## Learning Objectives" in a block is a section it swallowed; "# comment" is Python.
      const h = /^(?:##\s+(\S.*)|#\s+(lesson\s+\d+(?:\.\d+)+\s*:.*))$/i.exec(body[i]);
      if (h && (h[2] || classifySection(h[1]) !== 'other')) {
        return { fenceLine: line, fence: /^\s{0,3}(`{3,}|~{3,})/.exec(token.raw)![1], headingLine: line + 1 + i, heading: oneLine(body[i]) };
      }
    }
  }
  return null;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Fences left wrong that swallow no known section (those are mended above): a block never closed
 * (it runs to the end of the file, the lesson's last sections read as code), and a bare ``` block
 * that holds the opening of another (```python): its own close or the other's open is stray, so
 * the code that follows is read as text and the text as code. Each said at the fence's line.
 */
function strayFences(tokens: Located[], mended: Set<number>, lastLine: number): Warning[] {
  const out: Warning[] = [];
  for (const { token, line } of tokens) {
    if (token.type !== 'code' || mended.has(line)) continue;
    const open = FENCE.exec(token.raw);
    if (!open) continue;
    const body = (token as Tokens.Code).text.split('\n');
    const heading = body.findIndex((l) => /^##\s+\S/.test(l));
    const swallows = heading >= 0 ? `, with "${oneLine(body[heading])}" (line ${line + 1 + heading}) in it` : '';
    const close = open[1][0].repeat(open[1].length);
    if (!new RegExp(`\\n\\s{0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}\\s*$`).test(token.raw.trimEnd())) {
      out.push({ line, message: `the code block opened here is never closed: everything from here to the end of the file (line ${lastLine})${swallows} is read as code; close it with ${close}` });
      continue;
    }
    const inner = body.findIndex((l) => /^\s{0,3}(`{3,}|~{3,})\s*[A-Za-z]/.test(l));
    if (!(token as Tokens.Code).lang && open[1].length === 3 && inner >= 0) {
      out.push({ line, message: `the code block opened here holds the opening of another (line ${line + 1 + inner})${swallows}: a ${close} is missing before that line, or this one is stray` });
    }
  }
  return out;
}

export function readLesson(input: string, options: { fileName?: string } = {}): LessonReading {
  let source = singleBacktickFences(sanitize(input));
  const warnings: Warning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  let { tokens, tooDeep } = lex(source);
  /** Blocks closed by mending: what they hold is the stray fence's, no one's code. */
  const mendedFences = new Set<number>();
  for (let tries = 0; tries < 8; tries++) {
    const s = swallowed(tokens);
    if (!s) break;
    mendedFences.add(s.fenceLine);
    const mended = closeBefore(source, s.headingLine, s.fence);
    warn(s.fenceLine, `the code block opened here is not closed before "${s.heading}" (line ${s.headingLine})` +
      (mended ? '; it is read as closed there: close it with ``` or remove the stray fence' : ': close it with ``` or remove the stray fence'));
    if (!mended) break;
    source = mended;
    ({ tokens, tooDeep } = lex(source));
  }
  // The last line of the file as an editor numbers it: a final newline ends that line, opens none.
  const lastLineNo = Math.max(1, countNewlines(source) + (source.endsWith('\n') ? 0 : 1));
  if (tooDeep) warn(1, 'the file nests quotes or lists too deeply to read; keep nesting to a few levels');
  for (const w of strayFences(tokens, mendedFences, lastLineNo)) warn(w.line, w.message);

  const lesson: Lesson = {
    id: '',
    titleId: null,
    key: '',
    title: '',
    meta: { estimatedTime: null, difficulty: null, prerequisites: null, topic: null },
    previous: null,
    objectives: [],
    coreIdeas: [],
    exercises: [],
    miniProject: null,
    quiz: { trueFalse: [], conceptual: [], coding: [], multipleChoice: [] },
    practice: [],
    takeaways: [],
    resources: [],
    next: null,
    homework: [],
    otherSections: [],
    warnings,
  };

  const taken = new Set<number>();
  const ctx: ReadContext = {
    lesson,
    state: freshState(),
    warn,
    take(from, to = from) {
      for (let l = from; l <= to; l++) taken.add(l);
    },
    sectionTitle: '',
    unnamed: new Map(),
  };
  const seen = new Set<SectionKind>();
  let section = null as SectionKind | null;
  let proceedTo: LessonRef | null = null;
  let titleLine = 0;
  let headingId = '';

  const enter = (kind: SectionKind, title: string, line: number) => {
    if (section) READERS[section].close?.(ctx);
    section = kind;
    seen.add(kind);
    ctx.state = freshState();
    ctx.sectionTitle = title;
    READERS[kind].open?.(ctx, title, line);
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
            // Set here, not at the end: exercises without ids of their own are named after it.
            headingId = m[1];
            lesson.id = courseIdFromFileName(options.fileName) ?? headingId;
            lesson.title = oneLine(m[2]);
          } else {
            lesson.title = text;
          }
        }
        continue;
      }
      if (h.depth === 2) {
        let kind = classifySection(text);
        // "Part 1: Game Board (60 min)" teaches; "Component 3: Project Review (20 points)" is marked,
        // so it is a test part even when its name says no kind of question.
        if (kind === 'part' && !partKind(text) && !SCORED.test(text)) kind = 'other';
        if (kind === 'other' || kind === 'checklist') lesson.otherSections.push({ title: text, line });
        enter(kind, text, line);
        continue;
      }
      // "### Part A: Multiple Choice" inside "## Component 1: Written Exam": a milestone part.
      if (section !== 'quiz' && section !== 'part' && section !== 'answerKey' && partKind(text)) {
        enter('part', text, line);
        continue;
      }
      // "### Practice Problems" inside "## Study Guide".
      if ((section === 'other' || section === 'checklist') && classifySection(text) === 'practice') {
        enter('practice', text, line);
        continue;
      }
      if (section) READERS[section].subheading?.(ctx, text, line, h.depth);
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
      if (/^(next\b[^:]{0,20}:|→|->)/i.test(flat)) lesson.next ??= parseRef(flat);
      if (/^(←|<-|previous( lesson)?\s*:)/i.test(flat)) lesson.previous ??= parseRef(flat);
      const proceed = /proceed to\s+(?:the\s+)?(lesson\s+\S+)/i.exec(flat);
      if (proceed) proceedTo ??= parseRef(proceed[1].replace(/[.,;]$/, ''));
      if (section) READERS[section].paragraph?.(ctx, token as Tokens.Paragraph, line);
      continue;
    }

    if (!section) continue;
    // A stray fence, once closed, holds only the rule or blank lines it swallowed: nobody's code.
    const stray = mendedFences.has(line) && !(token as Tokens.Code).text?.replace(/[-*_\s]/g, '');
    if (token.type === 'code' && !stray) READERS[section].code?.(ctx, token as Tokens.Code, line);
    else if (token.type === 'list') READERS[section].list?.(ctx, token as Tokens.List, line);
  }

  if (section) READERS[section].close?.(ctx);
  finish(lesson, { fileName: options.fileName, headingId, titleLine, lastLine: lastLineNo, seen, proceedTo, warn });
  warnings.sort((a, b) => a.line - b.line);
  return { lesson, taken, source };
}

interface Ending {
  fileName?: string;
  headingId: string;
  titleLine: number;
  lastLine: number;
  seen: Set<SectionKind>;
  proceedTo: LessonRef | null;
  warn: (line: number, message: string) => void;
}

/** What can be said only once the whole file is read: the id, the next lesson, what is missing. */
function finish(lesson: Lesson, e: Ending): void {
  const { warn, titleLine, lastLine, seen } = e;
  const fromFile = idFromFileName(e.fileName);
  lesson.titleId = e.headingId || null;
  if (!lesson.id) {
    lesson.id = fromFile ?? '';
    warn(titleLine || 1, lesson.title
      ? `the title heading does not read "# Lesson X.Y.Z: Title"${fromFile ? `; id ${fromFile} taken from the file name` : ''}`
      : 'no "# Lesson X.Y.Z: Title" heading');
  } else if (fromFile && fromFile !== e.headingId) {
    warn(titleLine || 1, `${idMismatch(e.headingId, fromFile, lesson.id)} (${lesson.id === fromFile ? 'fix the title' : 'rename the file or fix the title'})`);
  }
  if (!lesson.title) lesson.title = lesson.id ? `Lesson ${lesson.id}` : 'Untitled lesson';
  lesson.key = lessonKey(lesson.id, lesson.title);
  if (!lesson.next && e.proceedTo) lesson.next = e.proceedTo;
  // Exercises read before the id was known (an id from the file name) get it now.
  for (const ex of lesson.exercises) {
    if (ex.generatedId && ex.id.startsWith('.')) ex.id = lesson.id + ex.id;
    delete (ex as { fromList?: true }).fromList;
  }
  const q = lesson.quiz;
  for (const i of q.trueFalse) i.placeholder = isPlaceholderText(i.statement);
  for (const i of q.conceptual) i.placeholder = isPlaceholderText(i.question);
  for (const i of q.coding) i.placeholder = isPlaceholderText(i.task);
  for (const i of q.multipleChoice) i.placeholder = !i.options.length || isPlaceholderText(i.question);
  q.trueFalse.sort((a, b) => a.n - b.n);
  q.conceptual.sort((a, b) => a.n - b.n);
  q.multipleChoice.sort((a, b) => a.n - b.n);

  if (!lesson.meta.estimatedTime && !lesson.meta.difficulty) {
    warn(titleLine + 2 || 1, 'no "**Estimated Time**: … | **Difficulty**: …" line under the title');
  }
  const expectSection = (kind: SectionKind, heading: string) => {
    if (!seen.has(kind)) warn(lastLine, `no "${heading}" section`);
  };
  expectSection('objectives', '## Learning Objectives');
  // No "## Core Ideas" is not expected: it is this project's own section (lessons/), which the
  // course's lessons do not have by design; its teaching sections are walked instead. A warning on
  // every real lesson would only hide the ones an author should act on.
  // A milestone test (its questions in "## Part A: …" sections, not under a quiz) is a test, not a
  // lesson: it has no exercises, takeaways or homework by design, so their absence is not warned.
  const milestone = seen.has('part') && !seen.has('quiz');
  if (!milestone) expectSection('exercises', '## Exercises');
  if (!seen.has('quiz') && !seen.has('part')) warn(lastLine, 'no "## Quiz & Assessment" section');
  if (!milestone) {
    expectSection('takeaways', '## Key Takeaways');
    expectSection('homework', '## Homework');
  }
  if (!lesson.next) warn(lastLine, 'no next lesson ("## Next Lesson Preview" with "**Lesson X.Y.Z**: Title")');
  for (const ex of lesson.exercises) {
    const own = (id: string | null) => !!id && ex.id.startsWith(id + '.');
    if (lesson.id && !ex.generatedId && !own(lesson.id) && !own(lesson.titleId)) warn(ex.line, `exercise ${ex.id} does not belong to lesson ${lesson.id}`);
  }
}


