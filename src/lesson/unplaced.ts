import { classifySection, type SectionKind } from './sections/classify.js';
import type { LessonReading } from './parse.js';

/**
 * Lines that look like an exercise or a quiz item but that no reader took into the model: what
 * `check --course` prints so that an author (and we) can see nothing of a lesson is dropped.
 * Written as a line scan on purpose, apart from the readers: it is the independent look at the
 * same text, so a reader that silently skips a shape shows up here.
 */

export interface Unplaced {
  line: number;
  /** What the line looks like. */
  looks: string;
  text: string;
}

/** Shapes that are an item wherever they stand (an exercise in the introduction is still one). */
const PATTERNS: [RegExp, string][] = [
  [/^\W*exercise\s+\d+(?:\.\d+)*\b/i, 'an exercise'],
  [/^\W*(?:starter|beginner|intermediate|advanced|challenge)(?:\s+(?:exercise|task|problem))?\s+\d+\s*[:.\-–—*]/i, 'an exercise'],
  [/\(\s*(?:true|false)\s*\)\s*[.!]?\s*$/i, 'a true/false item'],
  [/\*\*\s*(?:TRUE|FALSE)\b|\b(?:TRUE|FALSE)\s*(?:\(.*\))?\s*$/, 'a true/false item'],
  [/(?:✓\s*\/\s*✗|\(T\/F\))\s*$/, 'a true/false item'],
  [/^\W*(?:question|q)\s*#?\d+\s*\**\s*[:.)]/i, 'a question'],
];
/** Shapes that are items only in a quiz, a test part or exercises ("Answer: 42" in a worked example is prose). */
const QUIZ_PATTERNS: [RegExp, string][] = [
  [/^\W*(?:correct\s+)?answer\s*\**\s*[:\-–—]/i, 'an answer'],
  [/^\s*(?:[-*+]\s+)?\**\(?[A-D]\)\**\s+\S|^\s*[-*+]\s+\**[A-D][.]\**\s+\S/, 'a multiple-choice option'],
];

/** Sections whose every top-level item is an exercise or a question. */
const ITEM_SECTIONS = new Set<SectionKind>(['exercises', 'quiz', 'part', 'answerKey', 'practice']);
const ITEM = /^ {0,1}(?:\d+[.)]|[-*+])\s+\S|^\*\*\d+[.)]/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function unplaced(reading: LessonReading): Unplaced[] {
  const out: Unplaced[] = [];
  const lines = reading.source.split('\n');
  let fence: string | null = null;
  let section: SectionKind | null = null;
  lines.forEach((text, i) => {
    const line = i + 1;
    const f = FENCE.exec(text);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && !text.trim().slice(f[1].length).trim()) fence = null;
      return;
    }
    if (f) {
      fence = f[1];
      return;
    }
    const h = /^\s{0,3}##\s+(.*)$/.exec(text);
    if (h) section = classifySection(h[1]);
    if (reading.taken.has(line) || !text.trim()) return;
    const inItems = !!section && ITEM_SECTIONS.has(section);
    const hit = PATTERNS.find(([re]) => re.test(text)) ?? (inItems ? QUIZ_PATTERNS.find(([re]) => re.test(text)) : undefined);
    const looks = hit?.[1] ?? (inItems && ITEM.test(text) && !/^\s*[-*+]\s+\[[ xX]\]/.test(text) ? `an item of the ${sectionName[section!]}` : null);
    if (looks) out.push({ line, looks, text: text.trim().slice(0, 100) });
  });
  return out;
}

const sectionName: Partial<Record<SectionKind, string>> = {
  exercises: 'exercises', quiz: 'quiz', part: 'test part', answerKey: 'answer key', practice: 'practice',
};
