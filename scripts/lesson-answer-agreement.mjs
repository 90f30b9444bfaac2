// Would a suggested verdict from a lesson's own answer be reliable? calc-ml does not suggest one
// (src/tutor/kept.ts): this recomputes the measure behind that choice on the labelled answers the
// repository has (tests/grading/fixtures: learners' answers to lesson 1.2.26, labelled accept /
// partial / reject by a teacher). Lesson 1.2.26 writes no answer beneath its questions, so the
// answer key's model answer stands in for "the lesson's answer": a short paragraph beneath the
// question, as the course's lessons write theirs. The suggestion measured is the simple one a tutor
// without a rubric could make: "looks right" when the answer holds at least a share t of the
// reference answer's content words. Precision: of the answers it would call right, how many the
// teacher accepted; recall: of the answers the teacher accepted, how many it would call right.
// The held-out set 6 is left out (its rows are never used outside its own measurement); sets 1-5 are in.
// Usage: node scripts/lesson-answer-agreement.mjs   (npm run lesson-answer-agreement)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// In the checkout's own tests/.tmp (as deep as tests/grading), as scripts/agreement.mjs does: the fixtures'
// relative file URLs then resolve to this checkout, not to the one a linked node_modules belongs to.
const out = `${root}tests/.tmp/lesson-answer-agreement-${process.pid}.mjs`;
const entry = `
import { questions } from './seed.ts';
import { LABELLED } from './fixtures/labelled-1.2.26.ts';
import { LABELLED_2 } from './fixtures/labelled-2-1.2.26.ts';
import { LABELLED_3 } from './fixtures/labelled-3-1.2.26.ts';
import { LABELLED_4 } from './fixtures/labelled-4-1.2.26.ts';
import { LABELLED_5 } from './fixtures/labelled-5-1.2.26.ts';
export const rows = [...LABELLED, ...LABELLED_2, ...LABELLED_3, ...LABELLED_4, ...LABELLED_5];
export { questions };
`;
await build({
  stdin: { contents: entry, resolveDir: `${root}tests/grading`, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external', logLevel: 'error',
});

const STOP = new Set('a an the of to in on at by for with and or but is are was were be been being it its this that these those as from into than then so such can could would should will may might do does did not no yes what which who how why when where there their they them we you your i he she his her our us if about over under more most less very just also only each any all some one two'.split(' '));
const stem = (w) => w.replace(/(?:ing|ed|es|s)$/, '') || w;
const words = (s) => new Set((s.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 1 && !STOP.has(w)).map(stem));
const overlap = (answer, reference) => {
  const ref = words(reference);
  if (!ref.size) return 0;
  const got = words(answer);
  let n = 0;
  for (const w of ref) if (got.has(w)) n++;
  return n / ref.size;
};

try {
  const { rows, questions } = await import(out);
  // Written answers with a reference paragraph (the coding item's reference is a formula, not prose).
  const written = rows.flatMap((r) => {
    const q = questions.find((x) => x.ref === r.ref);
    return q && q.kind === 'rubric' && q.modelAnswer ? [{ ...r, score: overlap(r.answer, q.modelAnswer) }] : [];
  });
  const accepted = written.filter((r) => r.label === 'accept').length;
  console.log(`${written.length} labelled written answers to ${new Set(written.map((r) => r.ref)).size} questions of lesson 1.2.26 (sets 1-5; set 6 held out): ${accepted} accepted by the teacher, ${written.filter((r) => r.label === 'partial').length} partial, ${written.filter((r) => r.label === 'reject').length} rejected.`);
  console.log('Suggest "looks right" when the answer holds at least a share t of the reference answer\'s content words:');
  console.log('     t  suggested  precision  recall  rejected answers called right');
  for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]) {
    const s = written.filter((r) => r.score >= t);
    const right = s.filter((r) => r.label === 'accept').length;
    const rejected = s.filter((r) => r.label === 'reject').length;
    const p = s.length ? (right / s.length).toFixed(2) : '  - ';
    console.log(`  ${t.toFixed(2)} ${String(s.length).padStart(9)}  ${p.padStart(9)}  ${(right / accepted).toFixed(2).padStart(6)}  ${String(rejected).padStart(4)}`);
  }
} finally {
  rmSync(out, { force: true });
}
