import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';

// Lesson text (and key text) with terminal control sequences: a title change (OSC), clear screen
// (CSI, and its one-byte C1 form), a carriage return that would overwrite what is on the line, a
// backspace and a bell. None may reach the terminal from any command that shows lesson text.
const EVIL = ['\u001b]0;owned\u0007', '\u001b[2J', '\u009b2J', '\r', '\b', '\u0007', '\u001b[31m'];
const evil = (i: number) => EVIL[i % EVIL.length];

const dir = mkdtempSync(join(tmpdir(), 'calc-ml-evil-'));
const lessonPath = join(dir, '1.2.26-calculus-for-ml-big-picture.md');
const seed = readFileSync(join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.md'), 'utf8');
const key = readFileSync(join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.key.yaml'), 'utf8');
let n = 0;
writeFileSync(
  lessonPath,
  seed
    .replace('Calculus for ML - Big Picture', `Calculus${evil(n++)} for ML - Big Picture`)
    .replace('Explain why calculus matters for ML', `Explain why${evil(n++)} calculus matters for ML`)
    .replace('Derivatives measure change.', `Derivatives${evil(n++)} measure change.`)
    .replace('Define derivative in one sentence.', `Define${evil(n++)} derivative in one sentence.`)
    .replace('Optimization is unrelated to ML.', `Optimization${evil(n++)} is unrelated to ML.`)
    .replace('Gradients are vectors.', `Gradients${evil(n++)} are vectors.`),
);
// YAML's double-quoted strings can spell escapes too: a key is lesson text as well.
writeFileSync(
  lessonPath.replace(/\.md$/, '.key.yaml'),
  key.replace(/( {2}quiz\.1:\n {4}explanation: )>-\n[\s\S]*?\n\n/, '$1"A derivative\\e]0;owned\\a measures\\r change.\\e[2J"\n\n'),
);

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/; // all but tab and newline
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-evil-home-'));

describe('control sequences in lesson text never reach the terminal', () => {
  test('the key really carries them (the test is not empty)', () => {
    expect(readFileSync(lessonPath.replace(/\.md$/, '.key.yaml'), 'utf8')).toContain('\\e]0;owned');
    expect(readFileSync(lessonPath, 'utf8')).toContain('\u001b]0;owned');
  });

  test.each([
    ['lessons', ['lessons', '--dir', dir], ''],
    ['lessons --json', ['lessons', '--json', '--dir', dir], ''],
    ['quiz', ['quiz', lessonPath], 'true\nfalse\ntrue\n'],
    ['quiz --json', ['quiz', lessonPath, '--json'], 'true\nfalse\ntrue\n'],
    ['grade', ['grade', 'quiz.1', 'true', '--lesson', lessonPath], ''],
    ['start', ['start', lessonPath], 'It is the rate of change of a function.\n'],
    ['show', ['show', lessonPath], ''],
    ['check', ['check', lessonPath], ''],
  ])('%s', (_name, args, input) => {
    const r = runCli(args, { input, env: { CALC_ML_HOME: home() } });
    const out = r.stdout + r.stderr;
    expect(out).toMatch(args[0] === 'check' ? /0 errors/ : /Calculus for ML|Derivatives measure change|1\.2\.26/);
    expect(out).not.toMatch(CONTROL);
  });

  test('the quiz shows the cleaned texts, from the lesson and from the key', () => {
    const r = runCli(['quiz', lessonPath], { input: 'true\n', env: { CALC_ML_HOME: home() } });
    expect(r.stdout).toContain('Derivatives measure change.');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('A derivative measures change.');
    expect(r.stdout).not.toContain('owned');
  });

  test('with colour forced, the only escapes are colour codes (SGR)', () => {
    const r = runCli(['quiz', lessonPath], { input: 'true\nfalse\n', env: { CALC_ML_HOME: home(), NO_COLOR: '', FORCE_COLOR: '1' } });
    const withoutColour = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(r.stdout).toMatch(/\u001b\[[0-9;]*m/);
    expect(withoutColour).not.toMatch(CONTROL);
  });
});

// Everything a terminal could act on or that hides or reorders text: C0/C1 controls (not tab and
// newline), bidi controls, zero-width characters.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const CLIPBOARD = '\u001b]52;c;aGk=\u0007';

describe('data other than lesson text never brings a control sequence to the terminal either', () => {
  // Lesson files whose names carry sequences: one a lesson, one not (listed as skipped, and an error in check).
  const named = mkdtempSync(join(tmpdir(), 'calc-ml-evil-names-'));
  const goodName = join(named, `1.2.26-calculus\u001b]0;owned\u0007\u202e.md`);
  const badName = join(named, `notes\u001b[2J\u009b2J.md`);
  writeFileSync(goodName, seed);
  writeFileSync(badName, '# just notes\n');

  test.each([
    ['lessons --dir: a skipped file', ['lessons', '--dir', named], '', /skipped/],
    ['check: file:line of each problem', ['check', badName, goodName], '', /notes.*\.md: error: is not a lesson/],
    ['an error line naming the file', ['show', join(named, 'gone\u001b[2J\u202e.md')], '', /gone.*\.md: no such file/],
    ['the answer echoed in feedback', ['grade', 'quiz.1', `true ${CLIPBOARD}`], '', /is not an answer here|Correct/],
    ['the answer echoed by the piped quiz', ['quiz'], `true ${CLIPBOARD}\nfalse\u202e\n`, /true or false \(\? for a hint\)\? true/],
    // A written answer (a true/false reply with more after it is not an answer, and grade refuses it).
    ['the answer in grade --json', ['grade', 'quiz.5', `a slope ${CLIPBOARD}\u202e`, '--json'], '', /"answer"/],
    ['mathjs error text (plot)', ['plot', '\u001b[2J'], '', /calc-ml: cannot read/],
    ['mathjs error text (grad)', ['grad', `x${CLIPBOARD}`, '--at', '1'], '', /calc-ml:/],
    ['an unknown option (commander)', ['plot', 'x', '--\u001b[2Jwidth', '3'], '', /unknown option/],
  ])('%s', (_name, args, input, expected) => {
    const r = runCli(args, { input, env: { CALC_ML_HOME: home() } });
    expect(r.stdout + r.stderr).toMatch(expected);
    expect(r.stdout + r.stderr).not.toMatch(UNSAFE);
  });

  test('the JSON answer is the answer as given, escaped (valid JSON, nothing lost)', () => {
    const answer = `a slope ${CLIPBOARD}\u202e\u009b`;
    const r = runCli(['grade', 'quiz.5', answer, '--json'], { env: { CALC_ML_HOME: home() } });
    expect(r.stdout).toContain('\\u001b]52');
    expect(r.stdout).toContain('\\u202e');
    expect(JSON.parse(r.stdout).answer).toBe(answer);
  });

  test('with colour forced: colour codes only, the answer and error text cleaned', () => {
    const env = { CALC_ML_HOME: home(), NO_COLOR: '', FORCE_COLOR: '1' };
    for (const args of [['grade', 'quiz.1', `false ${CLIPBOARD}\u001b[8m`], ['plot', `x${CLIPBOARD}`]]) {
      const r = runCli(args, { env });
      const out = r.stdout + r.stderr;
      expect(out).not.toMatch(/\u001b\[8m|\u001b\]|\u0007/);
      expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(UNSAFE);
    }
    expect(runCli(['grade', 'quiz.1', 'false'], { env }).stdout).toMatch(/\u001b\[3\dm/);
  });
});

describe('bidi and zero-width characters in lesson text', () => {
  const d = mkdtempSync(join(tmpdir(), 'calc-ml-bidi-'));
  const path = join(d, '1.2.26-bidi.md');
  writeFileSync(
    path,
    seed
      .replace('Derivatives measure change.', 'Derivatives measure \u202eegnahc\u202c.')
      .replace('Explain why calculus matters for ML', 'Explain why calc\u200bulus\u2066 matters for ML'),
  );

  test.each([
    ['quiz', ['quiz', path], 'true\n'],
    ['show', ['show', path], ''],
    ['start', ['start', path], '\n'],
  ])('%s shows the override as <U+202E> and drops the zero-width space', (_name, args, input) => {
    const r = runCli(args, { input, env: { CALC_ML_HOME: home() } });
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(UNSAFE);
    if (args[0] !== 'start') expect(out).toContain('Derivatives measure <U+202E>egnahc<U+202C>.');
    if (args[0] !== 'quiz') expect(out).toContain('Explain why calculus<U+2066> matters');
  });

  test('show --json keeps them, escaped', () => {
    const r = runCli(['show', path, '--json'], { env: { CALC_ML_HOME: home() } });
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(JSON.parse(r.stdout).quiz.trueFalse[0].statement).toBe('Derivatives measure \u202eegnahc\u202c.');
  });
});

describe('a link whose text is not its address shows the address', () => {
  const d = mkdtempSync(join(tmpdir(), 'calc-ml-links-'));
  const path = join(d, '1.2.26-links.md');
  writeFileSync(
    path,
    seed
      .replace('- https://www.khanacademy.org/math/calculus-1', '- [https://www.khanacademy.org](https://evil.example/steal)\n- <https://www.deeplearning.ai/x>')
      .replace('- Explain why calculus matters for ML', '- Explain why calculus matters for ML ([khanacademy.org](https://evil.example/obj))')
      .replace('By the end of this lesson, you will be able to:', 'By the end of [https://www.khanacademy.org](https://evil.example/para) you will be able to:'),
  );

  test.each([
    ['in a terminal that shows hyperlinks', { FORCE_HYPERLINK: '1' }],
    ['elsewhere', { FORCE_HYPERLINK: '0' }],
  ])('show, %s', (_name, env) => {
    const out = runCli(['show', path], { env: { CALC_ML_HOME: home(), COLUMNS: '200', ...env } }).stdout;
    expect(out).toContain('By the end of https://www.khanacademy.org (https://evil.example/para) you');
    // marked-terminal shows a list item's links as written, address included.
    expect(out).toContain('https://evil.example/steal');
    expect(out).toContain('https://evil.example/obj');
    expect(out).toContain('https://www.deeplearning.ai/x');
    expect(out).not.toContain('https://www.deeplearning.ai/x (');
    expect(out).not.toMatch(UNSAFE);
  });

  test('the lesson model (show --json, and the objectives start shows)', () => {
    const l = JSON.parse(runCli(['show', path, '--json']).stdout);
    expect(l.resources.slice(0, 2)).toEqual(['https://www.khanacademy.org (https://evil.example/steal)', 'https://www.deeplearning.ai/x']);
    expect(l.objectives[0]).toBe('Explain why calculus matters for ML (khanacademy.org (https://evil.example/obj))');
    const r = runCli(['start', path], { input: '\n', env: { CALC_ML_HOME: home(), COLUMNS: '200' } });
    expect(r.stdout).toContain('khanacademy.org (https://evil.example/obj)');
  });
});
