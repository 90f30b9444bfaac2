import type { Lesson } from '../lesson/model.js';
import type { Question } from '../grading/index.js';
import { readWords } from '../grading/nlp.js';
import { missedRefs, type LessonProgress } from './progress.js';

/**
 * Key takeaways recapped against what the learner got wrong: each takeaway with the missed questions
 * that share a content word (on lemmas) with it. A miss tied to no takeaway goes under the first one
 * it is closest to, so nothing missed is left out of the recap.
 */
export function relatedMisses(lesson: Lesson, questions: Question[], record: LessonProgress): { takeaway: string; missed: Question[] }[] {
  const CONTENT = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN']);
  const stems = (s: string) => new Set(readWords(s).filter((t) => CONTENT.has(t.pos) && !['be', 'have', 'do'].includes(t.lemma)).map((t) => t.lemma));
  const missed = missedRefs(record)
    .map((ref) => questions.find((q) => q.ref === ref))
    .filter((q): q is Question => !!q);
  const out = lesson.takeaways.map((takeaway) => ({ takeaway, stems: stems(takeaway), missed: [] as Question[] }));
  for (const q of missed) {
    const qs = stems(`${q.prompt} ${q.modelAnswer ?? ''}`);
    let best = -1;
    let bestScore = 0;
    out.forEach((t, i) => {
      const score = [...t.stems].filter((s) => qs.has(s)).length;
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0) out[best].missed.push(q);
  }
  return out.map(({ takeaway, missed }) => ({ takeaway, missed }));
}
