import type { Command } from 'commander';

/** The command `name` or an alias names, if any. */
function findCommand(program: Command, name: string | undefined): Command | undefined {
  return program.commands.find((c) => c.name() === name || c.aliases().includes(name ?? ''));
}

/** The commands whose arguments are expressions. */
const EXPRESSION_COMMANDS = new Set(['plot', 'descend', 'gd', 'grad']);

/**
 * An expression may start with a minus ("-x^2", "-cos(x)"), which commander would read as an unknown
 * option and refuse. For the commands that take expressions, such an argument gets a leading space
 * (" -x^2"): commander then sees an argument, and the engine ignores the space. An argument counts as
 * an expression when it starts with a single "-", is not one of the command's own short flags (-h),
 * and is not the value of the option before it (--start -3). Arguments after "--" are left alone.
 */
export function shieldExpressions(argv: readonly string[], program: Command): string[] {
  const out = [...argv];
  // argv[0] is node and argv[1] the script; global options may come before the command.
  let i = 2;
  while (i < out.length && out[i].startsWith('-')) i++;
  const cmd = findCommand(program, out[i]);
  if (!cmd || !EXPRESSION_COMMANDS.has(cmd.name())) return out;
  const options = [...cmd.options, ...program.options];
  const takesValue = (flag: string) => options.some((o) => (o.long === flag || o.short === flag) && (o.required || o.optional));
  const isFlag = (arg: string) => options.some((o) => o.short === arg || o.long === arg) || arg === '-h';
  for (let k = i + 1; k < out.length; k++) {
    const arg = out[k];
    if (arg === '--') break;
    if (!/^-[^-]/.test(arg) || isFlag(arg)) continue;
    if (takesValue(out[k - 1])) continue;
    out[k] = ` ${arg}`;
  }
  return out;
}

/**
 * `calc-ml help qiuz` would print the general help and say nothing of the typo; asked as `calc-ml qiuz`
 * instead, commander refuses it and suggests "quiz".
 */
export function helpForUnknown(argv: readonly string[], program: Command): string[] {
  const [node, script, first, name, ...rest] = argv;
  if (first !== 'help' || name === undefined || name.startsWith('-') || rest.length) return [...argv];
  return findCommand(program, name) ? [...argv] : [node, script, name];
}
