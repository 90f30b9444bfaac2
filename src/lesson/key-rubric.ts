import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { compilePhrase } from '../grading/match.js';
import { tokenize } from '../grading/text.js';
import type { Concept, Misconception, Rubric } from './key-model.js';
import type { EntryReader } from './key-reader.js';

function phrasesOf(r: EntryReader, node: Node, owner: string, prompt: string): string[] {
  const { lineOf, report } = r;
  const list = r.strings((node as YAMLMap).get('phrases', true), `the phrases of ${owner}`);
  const promptStems = new Set(tokenize(prompt).map((t) => t.stem));
  const phrasesNode = (node as YAMLMap).get('phrases', true);
  list.forEach((p, i) => {
    const line = lineOf(isSeq(phrasesNode) ? phrasesNode.items[i] : node);
    const parts = compilePhrase(p).parts;
    if (!parts.length) report(line, 'error', `${r.ref}: phrase "${p}" of ${owner} has no words`);
    else if (owner.startsWith('concept') && parts.every((x) => promptStems.has(x.stem))) {
      report(line, 'warning', `${r.ref}: phrase "${p}" of ${owner} only repeats the question, so it never earns credit; use the learner's own words for the idea`);
    }
  });
  return list;
}

/** A question's concepts, misconceptions and `need`, or undefined when it has no (usable) concepts. */
export function readRubric(r: EntryReader, prompt: string): Rubric | undefined {
  const { lineOf, report } = r;
  const conceptsNode = r.node('concepts');
  if (conceptsNode === undefined) return undefined;
  const concepts: Concept[] = [];
  if (!isSeq(conceptsNode) || !conceptsNode.items.length) {
    report(r.line('concepts'), 'error', `${r.ref}: "concepts" is empty; list the ideas a good answer contains, each with its phrases`);
    return undefined;
  }
  for (const c of conceptsNode.items) {
    if (!isMap(c)) {
      report(lineOf(c), 'error', `${r.ref}: a concept must be a map with "name" and "phrases"`);
      continue;
    }
    const name = c.get('name');
    if (typeof name !== 'string' || !name.trim()) report(lineOf(c), 'error', `${r.ref}: a concept has no "name"`);
    const label = `concept "${name ?? '?'}"`;
    for (const pair of c.items) {
      const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!['name', 'phrases', 'required'].includes(k)) report(lineOf(pair.key), 'warning', `${r.ref}: ${label} has an unknown field "${k}" (known: name, phrases, required)`);
    }
    const phrases = phrasesOf(r, c, label, prompt);
    if (typeof name === 'string' && name.trim() && phrases.length) {
      concepts.push({ name: name.trim(), phrases, ...(c.get('required') === true ? { required: true } : {}) });
    }
  }
  if (!concepts.length) return undefined;
  const names = new Set(concepts.map((c) => c.name));
  const misconceptions: Misconception[] = [];
  const mNode = r.node('misconceptions');
  if (mNode !== undefined && !isSeq(mNode)) report(r.line('misconceptions'), 'error', `${r.ref}: "misconceptions" must be a list`);
  for (const m of isSeq(mNode) ? mNode.items : []) {
    if (!isMap(m)) {
      report(lineOf(m), 'error', `${r.ref}: a misconception must be a map with "name", "phrases" and "correction"`);
      continue;
    }
    const name = m.get('name');
    const correction = m.get('correction');
    if (typeof name !== 'string' || !name.trim()) report(lineOf(m), 'error', `${r.ref}: a misconception has no "name"`);
    if (typeof correction !== 'string' || !correction.trim()) report(lineOf(m), 'warning', `${r.ref}: misconception "${name}" has no "correction"; the learner is told it is wrong but not what is right`);
    const blocksNode = m.get('blocks', true);
    const blocks = blocksNode === undefined ? [] : r.strings(blocksNode, `the "blocks" of misconception "${name}"`);
    for (const b of blocks) if (!names.has(b)) report(lineOf(blocksNode), 'error', `${r.ref}: misconception "${name}" blocks "${b}", which is not a concept of this question`);
    const phrases = phrasesOf(r, m, `misconception "${name}"`, prompt);
    if (typeof name === 'string' && name.trim() && phrases.length) {
      misconceptions.push({ name: name.trim(), phrases, correction: typeof correction === 'string' ? correction.trim() : '', blocks });
    }
  }
  let need = { correct: concepts.length, partial: 1 };
  const needNode = r.node('need');
  if (needNode !== undefined) {
    const c = isMap(needNode) ? needNode.get('correct') : undefined;
    const p = isMap(needNode) ? needNode.get('partial') : undefined;
    if (!Number.isInteger(c) || !Number.isInteger(p)) {
      report(r.line('need'), 'error', `${r.ref}: "need" must be { correct: N, partial: M } with whole numbers`);
    } else if (!(1 <= (p as number) && (p as number) <= (c as number) && (c as number) <= concepts.length)) {
      report(r.line('need'), 'error', `${r.ref}: need 1 ≤ partial (${p}) ≤ correct (${c}) ≤ the number of concepts (${concepts.length})`);
    } else {
      need = { correct: c as number, partial: p as number };
    }
  }
  return { concepts, need, misconceptions };
}
