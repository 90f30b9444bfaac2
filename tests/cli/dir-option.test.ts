import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

// Every command that takes --dir refuses a folder that is not there, or a file, at once: one line
// saying which and what to give, a non-zero exit, and nothing else run (no quiz begun, no empty progress).
const tmp = mkdtempSync(join(tmpdir(), 'calc-ml-dir-'));
const file = join(tmp, 'notes.txt');
writeFileSync(file, 'not a folder\n');
const commands: string[][] = [['start'], ['review'], ['show'], ['lessons'], ['quiz'], ['grade', 'quiz.1', 'true'], ['progress']];

describe('--dir must be a folder', () => {
  test.each(commands)('%s --dir /nope', (...cmd) => {
    const r = runCli([...cmd, '--dir', join(tmp, 'nope')], { input: 'true\n' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`calc-ml: --dir ${join(tmp, 'nope')}: no such folder; give a folder that holds lesson .md files\n`);
  });

  test.each(commands)('%s --dir FILE', (...cmd) => {
    const r = runCli([...cmd, '--dir', file], { input: 'true\n' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`calc-ml: --dir ${file} is a file, not a folder; give a folder that holds lesson .md files\n`);
  });

  test('a folder that is there is taken, with or without others', () => {
    expect(runCli(['progress', '--dir', tmp]).status).toBe(0);
    expect(runCli(['lessons', '--dir', tmp, '--dir', join(tmp, 'nope')]).status).toBe(1);
  });
});
