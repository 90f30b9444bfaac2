import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** The real CLI in a real terminal (tmux): type keys, read the screen, as a learner would. */
export class Terminal {
  private sock = `calc-ml-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  private mark = join(mkdtempSync(join(tmpdir(), 'calc-ml-tmux-')), 'status');

  /** `launch`: which calc-ml to run, and from where (default: the repository's build, from its root). */
  /** With `record`, every byte the program writes to the terminal is also appended to that file. */
  constructor(args: string, env: Record<string, string>, width = 80, height = 40, launch: { bin: string; cwd: string; record?: string } = { bin: BIN, cwd: ROOT }) {
    const vars = Object.entries(env).map(([k, v]) => `${k}='${v}'`).join(' ');
    // Recording starts once the session exists, so the program waits a moment before it starts.
    const cmd = `${launch.record ? 'sleep 0.5; ' : ''}${vars} '${process.execPath}' '${launch.bin}' ${args}; echo $? > '${this.mark}'; sleep 60`;
    execFileSync('tmux', ['-L', this.sock, 'new-session', '-d', '-c', launch.cwd, '-x', String(width), '-y', String(height), cmd]);
    if (launch.record) execFileSync('tmux', ['-L', this.sock, 'pipe-pane', '-o', `cat >> '${launch.record}'`]);
  }

  /** The screen's text; with `escapes`, its colours too (as SGR sequences); with `joined`, lines the terminal wrapped joined again (so a too-long line shows). */
  screen(escapes = false, joined = false): string {
    return execFileSync('tmux', ['-L', this.sock, 'capture-pane', '-p', ...(escapes ? ['-e'] : []), ...(joined ? ['-J'] : []), '-S', '-200'], { encoding: 'utf8' });
  }

  keys(...keys: string[]): void {
    execFileSync('tmux', ['-L', this.sock, 'send-keys', ...keys]);
  }

  /** Types text literally, then Enter. */
  type(text: string): void {
    execFileSync('tmux', ['-L', this.sock, 'send-keys', '-l', text]);
    this.keys('Enter');
  }

  /** Pastes text as a terminal paste would (all at once, not key by key), without Enter. */
  paste(text: string): void {
    execFileSync('tmux', ['-L', this.sock, 'load-buffer', '-'], { input: text });
    execFileSync('tmux', ['-L', this.sock, 'paste-buffer', '-d']);
  }

  async waitFor(re: RegExp, ms = 15000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (re.test(s)) return s;
      if (Date.now() > until) throw new Error(`screen never showed ${re}:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async exitStatus(ms = 15000): Promise<number> {
    const until = Date.now() + ms;
    while (!existsSync(this.mark) || !readFileSync(this.mark, 'utf8').trim()) {
      if (Date.now() > until) throw new Error(`still running:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return Number(readFileSync(this.mark, 'utf8'));
  }

  /** The pane's terminal device and the pid of the calc-ml running in it (a child of the pane's shell). */
  pane(): { tty: string; pid: number | null } {
    const [tty, shell] = execFileSync('tmux', ['-L', this.sock, 'list-panes', '-F', '#{pane_tty} #{pane_pid}'], { encoding: 'utf8' }).trim().split(' ');
    const child = spawnSync('pgrep', ['-P', shell, '-f', 'calc-ml'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
    return { tty, pid: child ? Number(child) : null };
  }

  close(): void {
    spawnSync('tmux', ['-L', this.sock, 'kill-server']);
  }
}

/** The screen read as text: runs of whitespace as one space, so lines wrapped at 40 columns read as one. */
export const flatScreen = (t: Terminal): string => t.screen().replace(/\s+/g, ' ');

/** Waits until `re` is on the screen (read flat), failing with the screen after `ms`. */
export const seen = async (t: Terminal, re: RegExp, ms = 15000): Promise<void> => {
  const until = Date.now() + ms;
  while (!re.test(flatScreen(t))) {
    if (Date.now() > until) throw new Error(`screen never showed ${re}:\n${t.screen()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
