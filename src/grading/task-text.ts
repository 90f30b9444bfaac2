import type { MathTarget } from './question.js';

/**
 * A coding challenge's target read from its own text, for lessons without a key:
 * "Write a function h(t) = 5t - t^2 and compute h(1)" → h, t, "5t - t^2", 1.
 * Any one-letter function name and any variable; null when the task is not of this form.
 */
const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)`;
const DEFINE_THEN_COMPUTE = new RegExp(
  String.raw`\b([A-Za-z])\s*\(\s*([A-Za-z]\w*)\s*\)\s*=\s*(.+?)\s*,?\s*(?:and|then)?\s*(?:compute|evaluate|find|calculate|print|output|return|get)\s+(?:the\s+value\s+of\s+)?\1\s*\(\s*(${NUM})\s*\)`,
  'i',
);
const COMPUTE_FOR = new RegExp(
  String.raw`(?:compute|evaluate|find|calculate)\s+([A-Za-z])\s*\(\s*(${NUM})\s*\)\s+(?:for|where|with|when|if)\s+\1\s*\(\s*([A-Za-z]\w*)\s*\)\s*=\s*(.+?)\s*[.;]?\s*$`,
  'i',
);

/** The target as the task's text gives it, its formula not yet checked (no math engine needed). */
export function readTaskTarget(task: string): MathTarget | null {
  const text = task.replace(/`/g, '').split('\n')[0];
  let name: string, param: string, body: string, at: string;
  const a = DEFINE_THEN_COMPUTE.exec(text);
  const b = a ? null : COMPUTE_FOR.exec(text);
  if (a) [, name, param, body, at] = a;
  else if (b) [, name, at, param, body] = b;
  else return null;
  return { name, param, body: body.replace(/[.;,]+$/, '').trim(), at: Number(at) };
}
