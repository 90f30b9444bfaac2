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
  /** Not an answer at all (true/false: "maybe"): ask again rather than count it. */
  retry?: boolean;
}

export function ungraded(feedback: string, modelAnswer?: string): Verdict {
  return { verdict: 'ungraded', score: 0, feedback, ...(modelAnswer ? { modelAnswer } : {}) };
}
