import type { RubricQuestion } from './question.js';
import type { ClaimRead, Verdict } from './verdict.js';
import { assessClaims } from './claims.js';
import { lemmas } from './nlp.js';
import { spellOut } from './notation.js';
import { asksDefinition, definedTerm, describesOther, examplesOnly, isGibberish, isHedgedGuess, isPastedBack, isQuestion, restatesQuestion, wordCount, type Source } from './readable.js';

/**
 * The claim rubric: a written answer is correct when it makes enough of the key's claims (and the
 * required ones) as statements, with no wrong idea; partly right when it makes some, or only lists
 * the right words; incorrect when it states a wrong idea (a claim turned around or denied, a
 * misconception), answers something else, or says the question or hint back. Feedback names the
 * claim found, the one missing and the wrong idea, then shows the model answer.
 */

const list = (names: string[]) => names.map((n) => `“${n}”`).join(', ');
const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART']);

function tail(q: RubricQuestion, showHint: boolean): string[] {
  return [
    showHint && q.hint ? `Hint: ${q.hint}` : '',
    q.explanation ?? '',
    q.modelAnswer ? `Model answer: ${q.modelAnswer}` : '',
  ].filter(Boolean);
}


function unreadable(q: RubricQuestion, reason: string, claims: ClaimRead[] = []): Verdict {
  const missing = q.rubric.claims.map((c) => c.name);
  return {
    verdict: 'incorrect',
    score: 0,
    feedback: [reason, `A good answer says: ${list(missing.slice(0, 3))}.`, ...tail(q, true)].join('\n'),
    found: [],
    missing,
    claims,
    ...(q.modelAnswer ? { modelAnswer: q.modelAnswer } : {}),
  };
}

const OPPOSITE_AXIS = { against: 'along', along: 'against', up: 'down', down: 'up', large: 'small', small: 'large' } as const;
const DIRECTION_NAMES: Record<string, [string, string]> = {
  against: ['along', 'against'], along: ['along', 'against'], up: ['up', 'down'], down: ['up', 'down'], large: ['large', 'small'], small: ['large', 'small'],
};

/** What a learner may paste back: the question's prompt and every hint of the key (not only the first). */
const sources = new WeakMap<RubricQuestion, Source[]>();
export function pasteSources(q: RubricQuestion): Source[] {
  let s = sources.get(q);
  if (s) return s;
  const texts = [q.prompt, ...new Set([...(q.hints ?? []), ...(q.hint ? [q.hint] : [])])];
  // (read as answers are, with maths spelled out: "f(x) = x²" pasted reads "f of x is x squared";
  // read once per question, not once per answer)
  s = texts.map((t) => ({ lemmas: lemmas(spellOut(t)) }));
  sources.set(q, s);
  return s;
}

/** Names of maths that are no English words: an answer of these, symbols and numbers only is a formula. */
const MATH_NAMES = new Set(['lim', 'sin', 'cos', 'tan', 'exp', 'log', 'ln', 'sqrt', 'min', 'max', 'argmin', 'argmax', 'dx', 'dy', 'df', 'dl', 'grad', 'abs', 'mse', 'sum']);
function formulaOnly(answer: string, definition: boolean): boolean {
  const words = (answer.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !MATH_NAMES.has(w.toLowerCase()));
  // (A definition of the derivative in symbols, "f'(a) = lim h→0 …", "df/dx = …", says what it is,
  // when what it is is asked: asked how or why, "∂L/∂w" only names a thing.)
  const defines = definition && /\blim\b|[A-Za-z]\s*['′]\s*\(|\bd\s*[A-Za-z]?\s*\/\s*d[A-Za-z]|∂/.test(answer);
  // ("min L", "argmin f": an operator's name and a variable are a formula too; "MSE" alone is a name)
  const symbols = /[=+\-−*/^²()∂∇]/.test(answer) || (/\b[A-Za-z]\b/.test(answer) && /[A-Za-z]{2,}/.test(answer));
  return !words.length && !defines && symbols;
}

/** The words of the question, its model answer and its claims, as lemmas. */
const keyVocabularies = new WeakMap<RubricQuestion, Set<string>>();
function keyVocabulary(q: RubricQuestion): Set<string> {
  let v = keyVocabularies.get(q);
  if (!v) keyVocabularies.set(q, (v = new Set(lemmas([q.prompt, q.modelAnswer ?? '', ...q.rubric.claims.flatMap((c) => c.says.flat()), ...(q.rubric.roles ? [...q.rubric.roles.outputs, ...q.rubric.roles.inputs] : [])].join('\n')))));
  return v;
}

export function gradeRubric(q: RubricQuestion, answer: string): Verdict {
  const { rubric } = q;
  const words = wordCount(answer);
  if (!words) return unreadable(q, 'No answer was given: write a sentence or two in your own words.');
  const asked = new Set(lemmas(q.prompt));
  const report = assessClaims(answer, rubric, asked);
  const ts = report.reading.tokens;

  const claims: ClaimRead[] = [
    ...report.found.map(({ claim, hit }) => ({
      clause: hit.quote,
      polarity: hit.negated ? ('denied' as const) : ('affirmed' as const),
      ...(claim.direction && hit.direction ? { direction: DIRECTION_NAMES[claim.direction][hit.direction > 0 ? 0 : 1] } : {}),
      claim: claim.name,
      verdict: 'found' as const,
    })),
    ...report.outline.map(({ claim, hit }) => ({ clause: hit.quote, polarity: 'affirmed' as const, claim: claim.name, verdict: 'outline' as const })),
    // A claim turned around says the other way: "along" where the key's claim is "against".
    ...report.wrong.map((w) => ({ clause: w.quote, polarity: w.kind === 'denied' ? ('denied' as const) : ('affirmed' as const), ...(w.kind === 'flipped' && w.axis ? { direction: OPPOSITE_AXIS[w.axis] } : {}), claim: w.name, verdict: 'wrong' as const, ...(w.roles ? { roles: w.roles } : {}) })),
  ];

  if (isQuestion(answer, ts)) return unreadable(q, 'This is a question, not an answer: say what you think, as a statement.', claims);
  if (isHedgedGuess(answer, ts)) return unreadable(q, 'A guess is not an answer yet: say it as a full sentence, and say why.', claims);
  if (asksDefinition(q.prompt) && examplesOnly(answer, ts)) {
    return unreadable(q, 'This names examples, but the question asks what it is: say what it does or measures, in a sentence.', claims);
  }
  const term = definedTerm(q.prompt);
  const other = term && report.found.length ? describesOther(ts, term, keyVocabulary(q)) : undefined;
  if (term && other) {
    return unreadable(q, `This says what “${other}” does, an example at most: the question asks what a ${term} is, in general.`, claims);
  }
  if (isPastedBack(ts, pasteSources(q))) {
    return unreadable(q, 'This is the question or its hint said back: answer it in your own words.', claims);
  }
  if (!report.found.length && !report.wrong.length && !report.outline.length) {
    const vocabulary = keyVocabulary(q);
    if (words === 1) return unreadable(q, 'One word is not an explanation: write a full sentence that says what and why.', claims);
    if (isGibberish(ts, vocabulary, (t) => FUNCTION_POS.has(t.pos))) return unreadable(q, 'This does not read as an answer to the question: write it in plain words.', claims);
    if (restatesQuestion(ts, asked)) {
      return unreadable(q, `This repeats the question; say ${/^\s*how\b/i.test(q.prompt) ? 'how' : /^\s*why\b/i.test(q.prompt) ? 'why' : 'what it is, and why or how'}.`, claims);
    }
  }

  const foundClaims = report.found.map((f) => f.claim);
  const foundNames = foundClaims.map((c) => c.name);
  const missing = rubric.claims.filter((c) => !foundClaims.includes(c) && !c.gist).map((c) => c.name);
  // `required: true` claims each; of a named group (`required: direction`), any one.
  const groupMet = (g: string) => foundClaims.some((c) => c.required === g);
  const requiredOk = rubric.claims.every((c) => !c.required || foundClaims.includes(c) || (typeof c.required === 'string' && groupMet(c.required)));
  const count = foundClaims.length;
  // (an idea named in outline, "it gives a direction", "to optimise the model", makes an answer partly right only)
  const outlined = report.outline.map((o) => o.claim);
  const standing = foundClaims.filter((c) => !c.supporting).length + outlined.length;
  // No verb, no article or preposition: words with no statement around them.
  const noStatement = report.reading.keywordList || (!report.reading.hasVerb && report.reading.words <= 4);

  let verdict: Verdict['verdict'] =
    count >= rubric.need.correct && requiredOk ? 'correct' : standing >= rubric.need.partial ? 'partial' : 'incorrect';
  if (verdict === 'correct' && noStatement) verdict = 'partial';
  // "g(x) = x² − 6x", "(f(x+h) − f(x−h)) / 2h": a formula that names a thing but makes too few
  // claims, and none with a way to point, answers nothing yet (`w ← w − η∇L`, a step against the
  // gradient, does say something).
  const bareFormula = verdict === 'partial' && formulaOnly(answer, asksDefinition(q.prompt)) && !foundClaims.some((c) => c.direction);
  if (bareFormula) verdict = 'incorrect';
  // "km", "varies": one word that is only a thing of the answer, not the idea asked for. One word
  // answers when it is that idea: a required claim ("MSE", the loss asked for), enough claims for a
  // full answer ("velocity" is a rate), or a way of going named ("overshooting").
  const oneThing = words === 1 && verdict === 'partial' && !foundClaims.some((c) => c.required) && count < rubric.need.correct && !outlined.some((c) => c.direction);
  if (oneThing) verdict = 'incorrect';
  if (verdict === 'correct' && !standing) verdict = 'partial';
  if (report.wrong.length) verdict = 'incorrect';
  const score = verdict === 'correct' ? 1 : verdict === 'partial' ? Math.round(Math.min(0.75, Math.max(0.25, count / rubric.need.correct)) * 100) / 100 : 0;

  const wrongLines = report.wrong.map((w) =>
    w.kind === 'denied'
      ? `You wrote “${w.quote}”, which denies a right idea: ${w.name.replace(/^the opposite of “(.*)”$/, '$1')}. ${w.correction}`.trim()
      : w.roles
        ? `You wrote “${w.quote}”: that makes “${w.roles.responds}” respond to a change in “${w.roles.varied}”, ${w.name}. ${w.correction}`.trim()
        : `You wrote “${w.quote}”: that says ${w.name}. ${w.correction}`.trim(),
  );
  const stillRequired = (c: (typeof rubric.claims)[number]) => c.required === true || (typeof c.required === 'string' && !groupMet(c.required));
  const nextMissing =
    rubric.claims.find((c) => !foundClaims.includes(c) && !c.gist && (stillRequired(c) || (!c.required && !c.supporting))) ??
    rubric.claims.find((c) => !foundClaims.includes(c) && !c.gist);
  const lines = [
    verdict === 'correct' ? 'Correct.' : verdict === 'partial' ? 'Partly right.' : 'Not quite.',
    ...wrongLines,
    bareFormula ? 'A formula alone does not answer this: say in words what it is and what it shows.' : '',
    oneThing ? 'One word is not an explanation: write a full sentence that says what and why.' : '',
    noStatement && count && !report.wrong.length && !bareFormula && !oneThing ? 'These are the right words, but with no sentence around them: say how they relate (what does what, and which way).' : '',
    count ? `You said: ${list(foundNames)}.` : '',
    outlined.length && !report.wrong.length ? `You named, in outline only: ${list(outlined.map((c) => c.name))}${outlined.some((c) => c.direction) ? ' (say which way)' : ''}.` : '',
    verdict !== 'correct' && !report.wrong.length && nextMissing ? `Still missing: ${list([nextMissing.name])}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}.` : '',
    ...tail(q, verdict !== 'correct'),
  ].filter(Boolean);
  return {
    verdict,
    score,
    feedback: lines.join('\n'),
    found: foundNames,
    missing,
    claims,
    ...(report.wrong.length ? { misconception: report.wrong.map((w) => w.name).join('; ') } : {}),
    ...(q.modelAnswer ? { modelAnswer: q.modelAnswer } : {}),
  };
}
