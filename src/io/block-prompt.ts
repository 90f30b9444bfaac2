import { createPrompt, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';

/**
 * Code over several lines as one inquirer prompt: each Enter keeps a line, an empty line ends the
 * block. One prompt, not one per line: code pasted from an editor (every line at once) is one
 * answer, and held-input.ts hands this prompt lines until the block's empty line.
 */
export interface BlockConfig {
  message: string;
  /** A first line that is the whole answer (empty, "?", a :command): it ends the prompt at once. */
  whole: (first: string) => boolean;
  /** What is wrong with the block as a whole (too long), or null; it is then typed again. */
  problem: (block: string) => string | null;
  /** A line as shown while typing (one row: the first line beside the message, or a later one), and once answered. */
  show: (s: string, first: boolean) => string;
  answered: (s: string) => string;
  theme?: object;
}

export const blockPrompt = createPrompt<string, BlockConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [lines, setLines] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Lines are taken from readline's own 'line' events, in order, so a paste loses none.
  const kept = useRef<string[] | null>([]);
  const prefix = usePrefix({ status, theme });

  useEffect((rl) => {
    const onLine = (...args: unknown[]) => {
      const line = String(args[0] ?? "");
      const list = kept.current;
      if (!list) return;
      const end = list.length ? !line.trim() : config.whole(line);
      if (!end) {
        list.push(line);
        setLines([...list]);
        setValue('');
        return;
      }
      const block = list.length ? list.join('\n') : line;
      const problem = config.problem(block);
      if (problem) {
        kept.current = [];
        setLines([]);
        setError(problem);
        return;
      }
      kept.current = null;
      setLines(list.length ? [...list] : [line]);
      setStatus('done');
      done(block);
    };
    rl.on('line', onLine);
    return () => {
      rl.removeListener('line', onLine);
    };
  }, []);

  useKeypress((_key, rl) => {
    if (status !== 'idle') return;
    setValue(rl.line);
    setError(null);
  });

  const message = theme.style.message(config.message, status);
  const more = ' ...';
  if (status === 'done') {
    const [first = '', ...rest] = lines;
    return [`${prefix} ${message} ${config.answered(first)}`, ...rest.map((l) => `${more} ${config.answered(l)}`)].join('\n');
  }
  const rows = lines.length
    ? [`${prefix} ${message} ${config.show(lines[0], true)}`, ...lines.slice(1).map((l) => `${more} ${config.show(l, false)}`), `${more} ${config.show(value, false)}`]
    : [`${prefix} ${message} ${config.show(value, true)}`];
  return [rows.join('\n'), error ? theme.style.error(error) : undefined];
});
