import type { Tokens } from 'marked';
import { oneLine } from '../inline.js';
import type { ChoiceOption } from '../model.js';
import { splitItem } from '../tokens.js';

/** How the course marks answers, read from one item's text. Pure helpers of the quiz reader. */

const TF_MARK = /\(\s*(true|false)\s*\)\s*[.!]?\s*$/i;
/** "**Statement.** FALSE (reason)": a bold statement, then its answer. */
const TF_AFTER_BOLD = /^\*\*([\s\S]+?)\*\*\s*[-–—:]?\s*(true|false)\b\.?\s*(?:\(([^)]*)\)|[-–—:]\s*(.+))?\s*$/i;
/** "Statement. TRUE" / "Statement. — False": a capitalised answer word at the end. */
const TF_TRAILING = /^([\s\S]+?[.!?)`'"])\s*[-–—:]?\s*\b(TRUE|FALSE|True|False)\b\.?\s*(?:\(([^)]*)\))?\s*$/;
/** "✓/✗", "T/F", "(T/F)", "True / False", "____": a blank to answer, not part of the statement. */
const TF_BLANK = /\s*(?:\(?\s*(?:✓\s*\/\s*✗|✔\s*\/\s*✘|T\s*\/\s*F|true\s*\/\s*false)\s*\)?|_{3,})\s*[.?]?\s*$/i;
const ANSWER = /^(?:correct\s+|the\s+)?answer\s*(?:is)?\s*[:\-–—]\s*([\s\S]+)$/i;
const OPTION = /^\(?([A-Ha-h])\s*[).:]\s+([\s\S]+)$/;
const MARKED = /\s*(?:✓|✔|✅|←|<-+|\(correct\)|\[correct\]|\(right answer\))\s*$/i;

export interface TrueFalseReading {
  statement: string;
  answer: boolean | null;
  reason: string | null;
}

/** Where the bracket opened at `s[0]` closes, or -1. */
function closeOfFirst(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * A reason as the lesson gives it beside an answer: "(why)" unwrapped, a leading dash dropped.
 * Brackets come off only when one pair wraps the whole reason: in "- Must have a way to stop
 * (break or condition becomes false)" they are part of it, and the ")" stays.
 */
export function cleanReason(s: string | undefined | null): string | null {
  if (!s) return null;
  let t = oneLine(s).replace(/^[\s–—-]+/, '').trim();
  if (t.startsWith('(')) {
    const close = closeOfFirst(t);
    // "(why)" or "(why)."; a bracket left open ("(why") is dropped.
    if (close < 0) t = t.slice(1);
    else if (/^[.!]?$/.test(t.slice(close + 1).trim())) t = t.slice(1, close);
  }
  // A ")" with no "(" closes a bracket the answer opened before the reason ("(C because x)").
  else if (t.endsWith(')') && (t.match(/\)/g) ?? []).length > (t.match(/\(/g) ?? []).length) t = t.slice(0, -1);
  return t.trim() || null;
}

/** A true/false item: `Statement. (True)`, `**Statement** FALSE (why)`, `Statement ✓/✗`, or nested `- Answer: False`. */
export function readTrueFalse(text: string, rawHead: string, nested: string[]): TrueFalseReading {
  const mark = TF_MARK.exec(text);
  if (mark) return { statement: text.slice(0, mark.index).trim(), answer: mark[1].toLowerCase() === 'true', reason: null };
  const bold = TF_AFTER_BOLD.exec(oneLine(rawHead));
  if (bold) {
    return { statement: oneLine(bold[1].replace(/\*\*/g, '')), answer: bold[2].toLowerCase() === 'true', reason: cleanReason(bold[3] ?? bold[4]) };
  }
  const trailing = TF_TRAILING.exec(text);
  if (trailing) return { statement: trailing[1].trim(), answer: trailing[2].toLowerCase() === 'true', reason: cleanReason(trailing[3]) };
  let answer: boolean | null = null;
  let reason: string | null = null;
  for (const sub of nested) {
    const a = ANSWER.exec(sub);
    const tf = a && /^(true|false)\b\s*([\s\S]*)$/i.exec(a[1].trim());
    if (tf) {
      answer = tf[1].toLowerCase() === 'true';
      reason = cleanReason(tf[2]);
    }
  }
  return { statement: text.replace(TF_BLANK, '').trim(), answer, reason };
}

/** "Answer: B (floor division)" / "Answer: False" / "Answer: `ell`" → what it says, or null. */
export function readAnswerLine(text: string): string | null {
  const a = ANSWER.exec(oneLine(text));
  return a ? a[1].trim() : null;
}

/** An answer naming an option: "B", "B)", "b - CloudTrail …", "(C) because …" → label and reason. */
export function answerLetter(answer: string): { label: string; reason: string | null } | null {
  const m = /^\(?([A-Ha-h])(?:[).:]|\s|$)\s*(?:[-–—:]\s*)?([\s\S]*)$/.exec(answer.trim().replace(/^`|`$/g, ''));
  return m ? { label: m[1].toUpperCase(), reason: cleanReason(m[2]) } : null;
}

/** "True (optional)" / "FALSE - reason" → the value and reason. */
export function answerTrueFalse(answer: string): { answer: boolean; reason: string | null } | null {
  const m = /^`?(true|false)`?\b[.!]?\s*([\s\S]*)$/i.exec(answer.trim());
  return m ? { answer: m[1].toLowerCase() === 'true', reason: cleanReason(m[2]) } : null;
}

export interface OptionsReading {
  options: ChoiceOption[];
  /** The option the lesson marks (bold, checked, ✓), when it marks one. */
  marked: string | null;
}

/** One line of text as an option ("A) text", "b. text"), or null. */
export function optionFromText(text: string): ChoiceOption | null {
  const m = OPTION.exec(oneLine(text));
  return m ? { label: m[1].toUpperCase(), text: oneLine(m[2].replace(MARKED, '')) } : null;
}

/**
 * List items as the options of a multiple-choice question: `A) text`, `a. text`, `- [ ] text`
 * (checkboxes, lettered in order), `**d) text**` (bold marks the answer). Null when they are not options.
 */
export function readOptions(items: Tokens.ListItem[]): OptionsReading | null {
  if (items.length < 2) return null;
  const options: ChoiceOption[] = [];
  let marked: string | null = null;
  let labelled = 0;
  items.forEach((item, i) => {
    const { head, rawHead } = splitItem(item);
    const text = oneLine(head);
    const opt = optionFromText(text);
    const label = opt ? opt.label : String.fromCharCode(65 + i);
    if (opt) labelled++;
    options.push({ label, text: opt ? opt.text : oneLine(text.replace(MARKED, '')) });
    const bold = /^\s*\*\*[\s\S]+\*\*\s*$/.test(rawHead.trim()) || /^\s*\*\*\(?[A-Ha-h][).]/.test(rawHead.trim());
    if ((item.task && item.checked) || bold || MARKED.test(text)) marked ??= label;
  });
  const checkboxes = items.every((item) => item.task);
  if (labelled < items.length && !checkboxes) return null;
  // Options are lettered A, B, C… in order; text that only reads like options is not.
  if (!checkboxes && options.some((o, i) => o.label !== String.fromCharCode(65 + i))) return null;
  return { options, marked };
}

/** Options that are just True and False make a true/false item. */
export function trueFalseOptions(options: ChoiceOption[]): boolean {
  return options.length === 2 && options.every((o) => /^(true|false)\.?$/i.test(o.text));
}

/** Template stand-ins a milestone test ships with instead of questions. */
export function isPlaceholderText(text: string): boolean {
  const t = text.trim();
  // 'Evaluation statement', 'Feature engineering statement': a topic named and the word 'statement'
  // stands where the author meant to write one (a real true/false statement has a verb and more words).
  if (/^(\S+\s+){0,2}statement\.?$/i.test(t)) return true;
  return /^(statement (about|on|regarding|of)\b|placeholder|tbd\b|todo\b|question \d+\s*$|\[.*\]$)/i.test(t);
}
