/**
 * The pass mark a lesson states for itself: milestone tests say "**Passing Grade**: 80%",
 * "**Passing Score**: 32/40 (80%)" or "**Passing Score**: 80+ points out of 100". Only a labelled
 * statement whose share is plain is read; several statements that disagree are no clear mark, and
 * the tutor's default applies. Pure: tests/lesson/pass-mark.test.ts.
 */

/** "Passing Grade", "Passing Score", "Pass Mark", "Pass Threshold", "Minimum to pass". */
const LABEL = /^(?:pass(?:ing)?\s*(?:grade|score|mark|threshold)|minimum\s+(?:score\s+)?to\s+pass)$/i;

/** The share a statement's value gives, or null when it gives none plainly. */
function shareOf(value: string): number | null {
  const v = value.replace(/\*\*|__|`/g, ' ');
  const pct = /(\d{1,3}(?:\.\d+)?)\s*%/.exec(v);
  if (pct) return Number(pct[1]) / 100;
  const frac = /(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)/.exec(v);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  const outOf = /(\d+(?:\.\d+)?)\s*\+?\s*(?:points?\s+|pts?\s+|marks?\s+)?out\s+of\s+(\d+(?:\.\d+)?)/i.exec(v);
  if (outOf) return Number(outOf[1]) / Number(outOf[2]);
  return null;
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
  let fence: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence) continue;
    for (const s of statements(line)) {
      if (!LABEL.test(s.label.replace(/\s+/g, ' '))) continue;
      const share = shareOf(s.value);
      if (share !== null && share > 0 && share <= 1) found.push(share);
    }
  }
  if (!found.length) return null;
  return found.every((x) => Math.abs(x - found[0]) < 1e-9) ? found[0] : null;
}
