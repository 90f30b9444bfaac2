import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { lemmas } from '../grading/nlp.js';
import type { Axis, Claim, Misconception, RoleKey, Rubric } from './key-model.js';
import type { EntryReader } from './key-reader.js';

const AXES: Axis[] = ['against', 'along', 'up', 'down', 'large', 'small'];
const CLAIM_FIELDS = ['name', 'says', 'direction', 'required', 'supporting', 'gist', 'flipped'];
const MISCONCEPTION_FIELDS = ['name', 'says', 'direction', 'correction', 'blocks'];

const keyOf = (pair: { key: unknown }) => String(isScalar(pair.key) ? pair.key.value : pair.key);

/**
 * `says`: a list of alternatives (one group), or a list of groups, each a list of alternatives (or
 * one word): all groups must be in one clause. The old `phrases:` is read as one group.
 */
function saysOf(r: EntryReader, node: YAMLMap, owner: string, asked: ReadonlySet<string>): string[][] {
  const { lineOf, report } = r;
  let says = node.get('says', true);
  if (says === undefined && node.get('phrases', true) !== undefined) {
    says = node.get('phrases', true);
    report(lineOf(says), 'warning', `${r.ref}: ${owner}: "phrases" is now "says" (a list of alternatives, or a list of word groups that must all be in one clause)`);
  }
  if (!isSeq(says) || !says.items.length) {
    report(lineOf(says ?? node), 'error', `${r.ref}: ${owner} needs "says": the words that state it, e.g. says: [[move, step, update], [gradient, slope]]`);
    return [];
  }
  const grouped = says.items.some((i) => isSeq(i));
  const groups: string[][] = [];
  for (const item of grouped ? says.items : [says]) {
    const alts = isSeq(item) ? r.strings(item, `a word group of ${owner}`) : isScalar(item) && String(item.value).trim() ? [String(item.value).trim()] : [];
    if (!alts.length) {
      report(lineOf(item), 'error', `${r.ref}: ${owner}: a word group is empty`);
      continue;
    }
    groups.push(alts);
  }
  // Words of the question itself never earn credit (unless a direction says something of its own).
  if (owner.startsWith('claim') && node.get('direction') === undefined && groups.length === 1) {
    for (const a of groups[0]) {
      if (lemmas(a).every((l) => asked.has(l))) report(lineOf(says), 'warning', `${r.ref}: "${a}" of ${owner} only repeats the question, so it never earns credit; use the learner's own words for the idea`);
    }
  }
  return groups;
}

function directionOf(r: EntryReader, node: YAMLMap, owner: string): Axis | undefined {
  const d = node.get('direction');
  if (d === undefined) return undefined;
  if (typeof d === 'string' && (AXES as string[]).includes(d)) return d as Axis;
  r.report(r.lineOf(node.get('direction', true)), 'error', `${r.ref}: ${owner}: direction "${String(d)}" is not one of ${AXES.join(', ')}`);
  return undefined;
}

function unknownFields(r: EntryReader, node: YAMLMap, owner: string, known: string[]): void {
  for (const pair of node.items) {
    const k = keyOf(pair);
    if (!known.includes(k) && k !== 'phrases') r.report(r.lineOf(pair.key), 'warning', `${r.ref}: ${owner} has an unknown field "${k}" (known: ${known.join(', ')})`);
  }
}

/** A question's claims, misconceptions and `need`, or undefined when it has no (usable) claims. */
export function readRubric(r: EntryReader, prompt: string): Rubric | undefined {
  const { lineOf, report } = r;
  const field = r.node('claims') !== undefined ? 'claims' : 'concepts';
  const claimsNode = r.node(field);
  if (claimsNode === undefined) return undefined;
  if (field === 'concepts') report(r.line('concepts'), 'warning', `${r.ref}: "concepts" is now "claims"`);
  const asked = new Set(lemmas(prompt));
  if (!isSeq(claimsNode) || !claimsNode.items.length) {
    report(r.line(field), 'error', `${r.ref}: "${field}" is empty; list the claims a good answer makes, each with a name and "says"`);
    return undefined;
  }
  const claims: Claim[] = [];
  for (const c of claimsNode.items) {
    if (!isMap(c)) {
      report(lineOf(c), 'error', `${r.ref}: a claim must be a map with "name" and "says"`);
      continue;
    }
    const name = c.get('name');
    if (typeof name !== 'string' || !name.trim()) report(lineOf(c), 'error', `${r.ref}: a claim has no "name"`);
    const label = `claim "${name ?? '?'}"`;
    unknownFields(r, c, label, CLAIM_FIELDS);
    const says = saysOf(r, c, label, asked);
    const direction = directionOf(r, c, label);
    const flippedNode = c.get('flipped', true);
    let flipped: Claim['flipped'];
    if (flippedNode !== undefined) {
      const fn = isMap(flippedNode) ? flippedNode.get('name') : undefined;
      const fc = isMap(flippedNode) ? flippedNode.get('correction') : undefined;
      if (typeof fn !== 'string' || typeof fc !== 'string' || !fn.trim() || !fc.trim()) {
        report(lineOf(flippedNode), 'error', `${r.ref}: ${label}: "flipped" needs "name" (the wrong idea) and "correction" (what is right)`);
      } else flipped = { name: fn.trim(), correction: fc.trim() };
    }
    const req = c.get('required');
    let required: boolean | string | undefined;
    if (req === true || (typeof req === 'string' && req.trim())) required = typeof req === 'string' ? req.trim() : true;
    else if (req !== undefined && req !== false && req !== null) {
      report(lineOf(c.get('required', true)) ?? r.line('claims'), 'error', `${r.ref}: ${label}: "required" is true, or the name of a group of claims of which one is needed (e.g. required: direction)`);
    }
    if (c.get('gist') === true && required !== undefined) {
      report(lineOf(c), 'error', `${r.ref}: ${label}: a "gist" claim (the idea in outline, partly right only) cannot be "required"`);
    }
    if (typeof name === 'string' && name.trim() && says.length) {
      claims.push({
        name: name.trim(),
        says,
        ...(direction ? { direction } : {}),
        ...(required !== undefined ? { required } : {}),
        ...(c.get('supporting') === true ? { supporting: true } : {}),
        ...(c.get('gist') === true ? { gist: true } : {}),
        ...(flipped ? { flipped } : {}),
      });
    }
  }
  if (!claims.length) return undefined;
  for (const g of new Set(claims.flatMap((c) => (typeof c.required === 'string' ? [c.required] : [])))) {
    if (claims.filter((c) => c.required === g).length === 1) {
      report(r.line('claims'), 'warning', `${r.ref}: "required: ${g}" names a group of one claim; write "required: true", or give the group's other claims the same name`);
    }
  }
  const names = new Set(claims.map((c) => c.name));
  const misconceptions = readMisconceptions(r, r.node('misconceptions'), names, asked);
  let need = { correct: claims.length, partial: 1 };
  const needNode = r.node('need');
  if (needNode !== undefined) {
    const c = isMap(needNode) ? needNode.get('correct') : undefined;
    const p = isMap(needNode) ? needNode.get('partial') : undefined;
    if (!Number.isInteger(c) || !Number.isInteger(p)) {
      report(r.line('need'), 'error', `${r.ref}: "need" must be { correct: N, partial: M } with whole numbers`);
    } else if (!(1 <= (p as number) && (p as number) <= (c as number) && (c as number) <= claims.length)) {
      report(r.line('need'), 'error', `${r.ref}: need 1 ≤ partial (${p}) ≤ correct (${c}) ≤ the number of claims (${claims.length})`);
    } else {
      need = { correct: c as number, partial: p as number };
    }
  }
  const roles = readRoles(r, names);
  return { claims, need, misconceptions, ...(roles ? { roles } : {}) };
}

/** `roles: {outputs: [...], inputs: [...], swapped: {name, correction}}`: who depends on whom. */
function readRoles(r: EntryReader, claims: ReadonlySet<string>): RoleKey | undefined {
  const node = r.node('roles');
  if (node === undefined) return undefined;
  const shape = `${r.ref}: "roles" needs "outputs" (what responds: output, y, loss), "inputs" (what is varied: input, x, weight) and "swapped" (name, correction)`;
  if (!isMap(node)) {
    r.report(r.line('roles'), 'error', shape);
    return undefined;
  }
  unknownFields(r, node, '"roles"', ['outputs', 'inputs', 'swapped', 'makes']);
  const outputsNode = node.get('outputs', true);
  const inputsNode = node.get('inputs', true);
  const swappedNode = node.get('swapped', true);
  const name = isMap(swappedNode) ? swappedNode.get('name') : undefined;
  const correction = isMap(swappedNode) ? swappedNode.get('correction') : undefined;
  if (outputsNode === undefined || inputsNode === undefined || typeof name !== 'string' || typeof correction !== 'string' || !name.trim() || !correction.trim()) {
    r.report(r.lineOf(node), 'error', shape);
    return undefined;
  }
  const outputs = r.strings(outputsNode, 'the "outputs" of "roles"');
  const inputs = r.strings(inputsNode, 'the "inputs" of "roles"');
  const both = outputs.filter((w) => inputs.includes(w));
  if (both.length) r.report(r.lineOf(node), 'error', `${r.ref}: "roles" lists ${both.map((w) => `"${w}"`).join(', ')} as both an output and an input`);
  if (!outputs.length || !inputs.length || both.length) return undefined;
  const makesNode = node.get('makes', true);
  const makes = makesNode === undefined ? [] : r.strings(makesNode, 'the "makes" of "roles"');
  for (const m of makes) if (!claims.has(m)) r.report(r.lineOf(makesNode), 'error', `${r.ref}: "roles" makes "${m}", which is not a claim of this question`);
  const made = makes.filter((m) => claims.has(m));
  return { outputs, inputs, swapped: { name: name.trim(), correction: correction.trim() }, ...(made.length ? { makes: made } : {}) };
}

/**
 * A list of wrong ideas: each a `name`, `says` (and optionally `direction`), a `correction`, and the
 * claims (`names`) it `blocks`. Read for one question, or for the whole lesson (`names` empty).
 */
export function readMisconceptions(r: EntryReader, mNode: unknown, names: ReadonlySet<string>, asked: ReadonlySet<string>): Misconception[] {
  const misconceptions: Misconception[] = [];
  if (mNode !== undefined && !isSeq(mNode)) r.report(r.lineOf(mNode), 'error', `${r.ref}: "misconceptions" must be a list`);
  for (const m of isSeq(mNode) ? mNode.items : []) {
    if (!isMap(m)) {
      r.report(r.lineOf(m), 'error', `${r.ref}: a misconception must be a map with "name", "says" and "correction"`);
      continue;
    }
    const name = m.get('name');
    const correction = m.get('correction');
    if (typeof name !== 'string' || !name.trim()) r.report(r.lineOf(m), 'error', `${r.ref}: a misconception has no "name"`);
    if (typeof correction !== 'string' || !correction.trim()) r.report(r.lineOf(m), 'warning', `${r.ref}: misconception "${name}" has no "correction"; the learner is told it is wrong but not what is right`);
    const label = `misconception "${name}"`;
    unknownFields(r, m, label, MISCONCEPTION_FIELDS);
    const blocksNode = m.get('blocks', true);
    const blocks = blocksNode === undefined ? [] : r.strings(blocksNode, `the "blocks" of misconception "${name}"`);
    for (const b of blocks) if (!names.has(b)) r.report(r.lineOf(blocksNode), 'error', `${r.ref}: misconception "${name}" blocks "${b}", which is not a claim of ${names.size ? 'this question' : 'a question (a wrong idea of the whole lesson blocks none)'}`);
    const says = saysOf(r, m, label, asked);
    const direction = directionOf(r, m, label);
    if (typeof name === 'string' && name.trim() && says.length) {
      misconceptions.push({ name: name.trim(), says, ...(direction ? { direction } : {}), correction: typeof correction === 'string' ? correction.trim() : '', blocks: blocks.filter((b) => names.has(b)) });
    }
  }
  return misconceptions;
}
