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
