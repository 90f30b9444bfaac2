/**
 * The pass mark a lesson states for itself: milestone tests say "**Passing Grade**: 80%",
 * "**Passing Score**: 32/40 (80%)" or "**Passing Score**: 80+ points out of 100", and lessons in
 * prose "Pass: 7/10", "70+ to pass", "a passing score of 80%", "you need 80% or more to pass". A
 * share is read only where it is plain (a percentage, a fraction, "out of", or "N+" out of the
 * lesson's total points, else out of 100), never from code; several statements that disagree are
 * no clear mark, and the tutor's default applies. Pure: tests/lesson/pass-mark.test.ts.
 */

/** "Passing Grade", "Passing Score", "Pass Mark", "Pass Threshold", "Minimum to pass", "Pass", "To pass", "Minimum passing score". */
const LABEL = /^(?:(?:minimum\s+)?pass(?:ing)?(?:\s*(?:grade|score|mark|threshold))?|minimum\s+(?:score\s+)?to\s+pass|(?:needed|required)?\s*to\s+pass)$/i;

// A share as lessons write it: "80%", "32/40", "80 out of 100", "80 points out of 100", "70+".
const VALUE = String.raw`(\d{1,3}(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*\/\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*\+?\s*(?:points?\s+|pts?\s+|marks?\s+)?out\s+of\s+\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*\+(?!\s*\d))`;

// The same said in a sentence: "70+ to pass", "80% or higher to pass", "you need 7/10 to pass",
// "a passing score of 80%", "passing score 80%", "the pass mark is 70%".
const SENTENCES = [
  new RegExp(String.raw`\b${VALUE}\s*(?:\s(?:or|and)\s+(?:more|higher|above|better|over)\s*)?(?:(?:is|are)\s+(?:needed|required)\s+)?to\s+pass\b`, 'gi'),
  new RegExp(String.raw`\b(?:need|needs|needed|require|requires|required|score|get)\s+(?:at\s+least\s+)?${VALUE}(?:\s+\w+){0,3}?\s+to\s+pass\b`, 'gi'),
  new RegExp(String.raw`\b(?:pass(?:ing)?\s+(?:grade|score|mark|threshold))\s*(?:is\s+|of\s+|=\s*|:\s*)?(?:at\s+least\s+)?${VALUE}`, 'gi'),
];

/**
 * The share a statement's value gives, or null when it gives none plainly. "80+" alone is out of the
 * lesson's total points where it states one ("Total Points: 40"), else out of 100.
 */
function shareOf(value: string, total: number | null): number | null {
  const v = value.replace(/\*\*|__|`/g, ' ');
  const pct = /(\d{1,3}(?:\.\d+)?)\s*%/.exec(v);
  if (pct) return Number(pct[1]) / 100;
  const frac = /(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)/.exec(v);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  const outOf = /(\d+(?:\.\d+)?)\s*\+?\s*(?:points?\s+|pts?\s+|marks?\s+)?out\s+of\s+(\d+(?:\.\d+)?)/i.exec(v);
  if (outOf) return Number(outOf[1]) / Number(outOf[2]);
  const plus = /(?:^|[^\d.])(\d+(?:\.\d+)?)\s*\+(?!\s*\d)/.exec(v);
  if (plus) return Number(plus[1]) / (total !== null && Number(plus[1]) <= total ? total : 100);
  return null;
}

/** The total points a lesson states ("### Total Points: 40", "**Total**: 100 points"), or null. */
function statedTotal(text: string): number | null {
  const m = /^\W*total(?:\s+points)?\W*:\s*\**\s*(\d+)\b/im.exec(text);
  return m ? Number(m[1]) : null;
}

/** Each "**Label**: value" part of a line ("… | **Passing Score**: 80%"), as label and value. */
function statements(line: string): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const part of line.split('|')) {
    // "**Passing Score**: 80%", "**Passing Score:** 80%", "**Passing Score: 80+** (B or better)", "Passing score: 80%".
    const m = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*([A-Za-z][A-Za-z ]{2,30}?)\s*(?:\*\*|__)?\s*:\s*(.*)$/.exec(part);
    if (m) out.push({ label: m[1].trim(), value: m[2] });
  }
  return out;
}

/** The lesson's own pass mark as a share of 1 (0.8), or null when it states none clearly. */
export function statedPassMark(text: string): number | null {
  const found: number[] = [];
  const total = statedTotal(text);
  const add = (share: number | null) => {
    if (share !== null && share > 0 && share <= 1) found.push(share);
  };
  let fence: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence) continue;
    // Code spans are code ("`score >= 70` to pass" states no mark of the lesson's own).
    const prose = line.replace(/`[^`]*`/g, ' ');
    const labelled = statements(prose).filter((st) => LABEL.test(st.label.trim().replace(/\s+/g, ' ')));
    for (const st of labelled) add(shareOf(st.value, total));
    if (labelled.length) continue;
    for (const re of SENTENCES) for (const m of prose.matchAll(re)) add(shareOf(m[1], total));
  }
  if (!found.length) return null;
  return found.every((x) => Math.abs(x - found[0]) < 1e-9) ? found[0] : null;
}
