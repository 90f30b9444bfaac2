/** What a grader says about one answer. `feedback` is plain text (no colour), ready to print. */
export interface Verdict {
  verdict: 'correct' | 'partial' | 'incorrect' | 'ungraded';
  /** 0..1 */
  score: number;
  feedback: string;
  /** Names of the key's concepts found in the answer / missing from it. */
  found?: string[];
  missing?: string[];
  /** The wrong idea detected, in plain words. */
  misconception?: string;
  modelAnswer?: string;
  /** What was read from a written answer: each clause that made or broke a claim of the key. */
  claims?: ClaimRead[];
  /** In the tutor: how many answers this verdict took (1 the first time), and how many hints. */
  tries?: number;
  hintsUsed?: number;
  /** Not an answer at all (true/false: "maybe"): ask again rather than count it. */
  retry?: boolean;
}

export function ungraded(feedback: string, modelAnswer?: string): Verdict {
  return { verdict: 'ungraded', score: 0, feedback, ...(modelAnswer ? { modelAnswer } : {}) };
}

/** One clause of a written answer, as the grader read it (shown by `grade --json`). */
export interface ClaimRead {
  clause: string;
  polarity: 'affirmed' | 'denied';
  /** The way the clause points on the claim's axis (along/against the gradient, up/down, large/small). */
  direction?: string;
  claim: string;
  /** `outline`: the idea named, not all of it ("it gives a direction": which way is not said). */
  verdict: 'found' | 'wrong' | 'outline';
  /** Who depends on whom, as read ("how much x changes when y changes": x responds, y is varied), for a relation read the wrong way round. */
  roles?: { responds: string; varied: string };
}
