import { statSync } from 'node:fs';
import { Command, Help } from 'commander';
import { UserError } from './errors.js';
import { DESCEND_DEFAULTS } from './math/descend-defaults.js';
import { stderrLines } from './io/stderr.js';
import { landscapeHelp } from './landscape/landscapes.js';
import { commandHelp, wrapWords } from './tutor/commands.js';
import { quizCommandHelp } from './tutor/quiz-commands.js';

// Commander wiring only. Each command's module is imported when that command runs, so that
// `--version` and `--help` load nothing but this file and cli.ts (which runs it).

declare const __CALC_ML_VERSION__: string;
const VERSION = typeof __CALC_ML_VERSION__ === 'string' ? __CALC_ML_VERSION__ : '0.0.0';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** --dir: a folder that is there, else one line saying so before anything runs (a typo is not an empty course). */
function collectDir(value: string, previous: string[] = []): string[] {
  let st;
  try {
    st = statSync(value);
  } catch {
    throw new UserError(`--dir ${value}: no such folder; give a folder that holds lesson .md files`);
  }
  if (!st.isDirectory()) throw new UserError(`--dir ${value} is a file, not a folder; give a folder that holds lesson .md files`);
  return collect(value, previous);
}

/** The options typed on the command line, not filled in by commander's defaults. */
function given(cmd: Command): string[] {
  return cmd.options.map((o) => o.attributeName()).filter((n) => cmd.getOptionValueSource(n) === 'cli');
}

/** Options of the 2-D maps (a function of two variables, or a named landscape). */
function mapOptions(cmd: Command): Command {
  return cmd
    .option('--vars <a,b>', 'the two variables of a function of two, like w,b (default: x,y)')
    .option('--box <box>', 'the box a 2-D map shows, x0,x1,y0,y1 (or --from/--to for x and --ymin/--ymax for y)');
}

function examples(...lines: string[]): string {
  return exampleLines(lines, process.stdout.columns || 80);
}

/**
 * Example command lines, each within `width`: a line too long is broken between words (a quoted
 * expression stays whole) and continued with a backslash, so the terminal never cuts it mid-word
 * and the lines still paste into a shell as one command.
 */
export function exampleLines(lines: readonly string[], width: number): string {
  const out: string[] = [];
  for (const l of lines) {
    let cur = '  $';
    for (const word of l.match(/(?:"[^"]*"|'[^']*'|[^\s"'])+/g) ?? []) {
      const fresh = cur.trim() === '' || cur.trim() === '$';
      if (!fresh && cur.length + 1 + word.length + 2 > width) {
        out.push(`${cur} \\`);
        cur = '    ';
      }
      cur += ' ' + word;
    }
    out.push(cur);
  }
  return '\nExamples:\n' + out.join('\n');
}

/** The usage after 'Usage: ', broken between words within `width`, each further line indented under the first. */
export function usageLines(usage: string, width: number): string {
  const indent = ' '.repeat('Usage: '.length);
  const lines: string[] = [];
  let cur = '';
  for (const word of usage.split(' ')) {
    if (cur && indent.length + cur.length + 1 + word.length > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  lines.push(cur);
  return lines.join(`\n${indent}`);
}

export function buildProgram(): Command {
  const program = new Command('calc-ml')
    .description('A terminal tutor for "Calculus for ML - Big Picture" (lesson 1.2.26) and lessons like it.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'turn colour off (so does NO_COLOR)')
    .option('--ascii', 'plain ASCII only (charts, marks, prompts), for terminals without box-drawing or other Unicode glyphs (so does CALC_ML_ASCII=1)')
    .option('--debug', 'show stack traces of errors')
    // commander keeps descriptions on one line when their column is under 40 wide; at 40 columns the
    // terminal then cuts them mid-word. Wrapping a narrow column reads better.
    .configureHelp({
      minWidthToWrap: 12,
      // Under 60 columns, commands are listed by name only, so their descriptions have room to wrap.
      subcommandTerm: (cmd) =>
        (process.stdout.columns ?? 80) < 60 ? [cmd.name(), ...cmd.aliases()].join('|') : new Help().subcommandTerm(cmd),
      // commander never wraps the usage line: at 40 columns 'Usage: calc-ml descend|gd [options] <expr>'
      // left 'r>' on a line of its own. Broken between words, continued under the first word.
      styleUsage(this: Help, str: string) {
        return usageLines(str, this.helpWidth ?? 80);
      },
    })
    .addHelpText('after', examples('calc-ml start', 'calc-ml quiz', 'calc-ml plot "x^2" --tangent 1', 'calc-ml lessons --dir ~/course'));

  program
    .command('start')
    .description('the guided lesson: every section of it in order (teaching sections a screen at a time), exercises with labs, mini-project, quiz; resumes where you stopped')
    .argument('[lesson]', 'lesson id (1.2.26), path to a lesson file, or nothing for the bundled lesson')
    .option('--restart', 'start the lesson over (your history is kept)')
    .option('--step <name>', 'jump to a step: objectives, ideas, exercises, ex:4, lab:6, mini-project, quiz, takeaways, resources, homework, or a section by the start of its title (introduction, best-practices)')
    .option('--tries <n>', 'answers a written or coding question may take, 1–5 (default: 3 in a terminal, 1 when stdin is a pipe; from a pipe each retry is the next line)')
    .option('--dir <dir>', 'also look for lessons in this folder (repeatable)', collectDir)
    .addHelpText('after', () => {
      const width = process.stdout.columns ?? 80;
      const paging = wrapWords('In a long section: Enter for the next screen, b to go back.', width).join('\n');
      return `\nAt any prompt of the lesson:\n${commandHelp(width)}\n${paging}\n` + examples('calc-ml start', 'calc-ml start --step lab:6', 'calc-ml start lesson.md');
    })
    .action(async (lesson, opts) => (await import('./commands/start.js')).run(lesson, opts));

  program
    .command('review')
    .description('a short session of what is due across every lesson you studied, most overdue first (spaced by FSRS: missed and kept answers come back soon, right ones after growing gaps; one you skip stays due)')
    .argument('[lesson]', 'lesson id or path: only that lesson; nothing for every lesson studied')
    .option('--tries <n>', 'answers a written or coding question may take, 1–5 (default: 3 in a terminal, 1 when stdin is a pipe; from a pipe each retry is the next line)')
    .option('--dir <dir>', 'also look for lessons in this folder (repeatable)', collectDir)
    .addHelpText('after', () => `\nAt an answer:\n${quizCommandHelp(process.stdout.columns || 80, 'review')}\n` + examples('calc-ml review', 'calc-ml review 1.2.27 --dir ~/course'))
    .action(async (lesson, opts) => (await import('./commands/review.js')).run(lesson, opts));

  program
    .command('show')
    .description('render a lesson in the terminal')
    .argument('[lesson]', 'lesson id (1.2.26), path to a lesson file, or nothing for the bundled lesson')
    .option('--json', 'print the lesson model as JSON')
    .option('--dir <dir>', 'also look for lessons in this folder (repeatable)', collectDir)
    .addHelpText('after', examples('calc-ml show', 'calc-ml show 1.2.27 --dir ~/course', 'calc-ml show --json'))
    .action(async (lesson, opts) => (await import('./commands/show.js')).run(lesson, opts));

  program
    .command('lessons')
    .description('list the lessons calc-ml knows, sorted by lesson number')
    .option('--json', 'print the list as JSON')
    .option('--dir <dir>', 'also list the lessons in this folder, recursively (repeatable)', collectDir)
    .addHelpText('after', examples('calc-ml lessons', 'calc-ml lessons --dir ~/course --json'))
    .action(async (opts) => (await import('./commands/lessons.js')).run(opts));

  program
    .command('check')
    .description('validate lesson files and their answer keys (x.key.yaml beside x.md): problems with file, line and what to do')
    .argument('[file...]', 'lesson files (or answer keys) to check')
    .option('--json', 'print the problems as JSON')
    .option('--course <dir>', 'read every lesson under this folder and list, per file, the lines that look like an exercise or quiz item but were not read')
    .addHelpText('after', examples('calc-ml check lessons/*.md', 'calc-ml check my-lesson.md --json', 'calc-ml check --course ~/course'))
    .action(async (files, opts) => (await import('./commands/check.js')).run(files, opts));

  const chartOptions = (cmd: Command) =>
    cmd
      .option('--var <name>', 'the variable of the expression', 'x')
      .option('-w, --width <cols>', 'chart width in columns, 30–300 (default: the terminal width)')
      .option('--height <rows>', 'at most this many rows, 5–60; fewer when round axis labels need fewer (default: 15)')
      .option('--ymin <y>', 'bottom of the y axis, in its own units (default: fit the values)')
      .option('--ymax <y>', 'top of the y axis, in its own units (default: fit the values)')
      .option('--json', 'print the result as one JSON document');

  chartOptions(
    program
      .command('plot')
      .description('draw one or more expressions as an ASCII chart, with the minimum marked')
      .argument('<expr...>', 'expressions in x, like "x^2" or "sin(x)" (quote them for the shell)')
      .option('--from <x>', 'left end of the range', '-5')
      .option('--to <x>', 'right end of the range', '5')
      .option('--derivative', "add each expression's derivative f'(x), found symbolically")
      .option('--tangent <x>', 'add the tangent line at this x, and mark the point')
      .option('--samples <n>', 'points per curve, 2–5000 (default: one per column; 101 with --json)'),
  );
  mapOptions(program.commands[program.commands.length - 1])
    .addHelpText('after', () => examples('calc-ml plot "x^2" --derivative', 'calc-ml plot "x^2" --tangent 1 --from -3 --to 3', 'calc-ml plot "x^2 + 3*y^2"', 'calc-ml plot ravine') + landscapeHelp(process.stdout.columns || 80))
    .action(async (exprs, opts, cmd) => (await import('./commands/plot.js')).run(exprs, { ...opts, given: given(cmd) }));

  chartOptions(
    program
      .command('descend')
      .alias('gd')
      .description('run gradient descent on an expression and show where each learning rate goes')
      .argument('<expr>', 'the loss, an expression in x, like "x^2" or "(x-1)^2 + 2"')
      .option('--start <x>', 'where descent starts (x,y for a function of two variables)', DESCEND_DEFAULTS.start)
      .option('--lr <rates>', 'learning rate, or a comma list of rates to compare (up to 8); a negative rate climbs (gradient ascent)', DESCEND_DEFAULTS.lr)
      .option('--steps <n>', 'most steps per run, 1–10000', DESCEND_DEFAULTS.steps)
      .option('--tol <t>', "stop when |f'(x)| < t; 0 runs every step", DESCEND_DEFAULTS.tol)
      .option('--momentum <b>', 'heavy-ball momentum 0 ≤ b < 1, for functions of two variables (default: 0, plain descent)')
      .option('--from <x>', 'left end of a 2-D map')
      .option('--to <x>', 'right end of a 2-D map'),
  );
  mapOptions(program.commands[program.commands.length - 1])
    .addHelpText('after', () => examples('calc-ml descend "x^2" --lr 0.1,0.5,1,1.1', 'calc-ml gd "x^4 - 3x^2 + x" --start 2 --lr 0.01 --steps 200', 'calc-ml descend "x^2 + 10*y^2" --start 3,2 --lr 0.02,0.09,0.11', 'calc-ml descend ravine --lr 0.02 --momentum 0.8') + landscapeHelp(process.stdout.columns || 80, true))
    .action(async (expr, opts, cmd) => (await import('./commands/descend.js')).run(expr, { ...opts, given: given(cmd) }));

  chartOptions(
    program
      .command('grad')
      .description('compare the analytic derivative with finite differences: in one variable forward and central, with the error as h shrinks; in two, each partial by central differences and the gradient as an arrow on a contour map')
      .argument('<expr>', 'an expression in x, like "x^2"')
      .requiredOption('--at <x>', 'the point where the derivative is taken (x,y for a function of two variables)')
      .option('--h <h>', 'step of the finite differences, 0 < h ≤ 1', '1e-5')
      .option('--from <x>', 'left end of a 2-D map')
      .option('--to <x>', 'right end of a 2-D map'),
  );
  mapOptions(program.commands[program.commands.length - 1])
    .addHelpText('after', () => examples('calc-ml grad "x^2" --at 3', 'calc-ml grad "sin(x)" --at 1 --h 1e-8 --json', 'calc-ml grad "x^2 + 3*y^2" --at 1,2') + landscapeHelp(process.stdout.columns || 80))
    .action(async (expr, opts, cmd) => (await import('./commands/grad.js')).run(expr, { ...opts, given: given(cmd) }));

  program
    .command('quiz')
    .description('take the lesson\'s quiz: true/false, conceptual and coding questions, graded as you go')
    .argument('[lesson]', 'lesson id (1.2.26), path to a lesson file, or nothing for the bundled lesson')
    .option('--json', 'print the result as JSON on stdout (questions and feedback go to stderr)')
    .option('--tries <n>', 'answers a written or coding question may take, 1–5 (default: 3 in a terminal, 1 when stdin is a pipe; from a pipe each retry is the next line)')
    .option('--restart', 'start a new attempt even if the last one was stopped before its end (by default it goes on at the next question)')
    .option('--dir <dir>', 'also look for lessons in this folder (repeatable)', collectDir)
    .addHelpText('after', () => `\nAt an answer:\n${quizCommandHelp(process.stdout.columns || 80, 'quiz')}\n` + examples('calc-ml quiz', 'calc-ml quiz --restart', "printf '%s\\n' true false true true 'derivatives minimise the loss' 'how far off the predictions are' 'it points uphill; go opposite' 'f(x) = x^2; f(3)' | calc-ml quiz --json"))
    .action(async (lesson, opts) => (await import('./commands/quiz.js')).run(lesson, opts));

  program
    .command('grade')
    .description('grade one answer, e.g. work done on paper (answer from stdin when not given); the answer is kept in your progress, and review brings it back when due; a reply that is not an answer ("maybe" to a true/false) is refused and not kept')
    .argument('<ref>', 'the question: an exercise id (1.2.26.4) or a quiz item (quiz.5, or just 5)')
    .argument('[answer]', 'your answer; read from stdin when absent')
    .option('--lesson <lesson>', 'the lesson (id or path); the bundled one by default')
    .option('--json', 'print the verdict as JSON')
    .option('--dir <dir>', 'also look for lessons in this folder (repeatable)', collectDir)
    .addHelpText('after', examples('calc-ml grade quiz.6 "a loss says how wrong a model is"', "echo 'f(x) = x^2; f(3)' | calc-ml grade quiz.8 --json"))
    .action(async (ref, answer, opts) => (await import('./commands/grade.js')).run(ref, answer, opts));

  program
    .command('progress')
    .description('what you have done and scored, per lesson')
    .option('--json', 'print it as JSON')
    .option('--dir <dir>', 'also look for lesson titles in this folder (repeatable)', collectDir)
    .addHelpText('after', examples('calc-ml progress', 'calc-ml progress --json'))
    .action(async (opts) => (await import('./commands/progress.js')).run(opts));

  program
    .command('reset')
    .description('forget your progress (all of it, or one lesson\'s), after asking')
    .argument('[lesson]', 'the lesson id to forget, e.g. 1.2.26; nothing for every lesson')
    .option('-y, --yes', 'do not ask (for scripts)')
    .addHelpText('after', examples('calc-ml reset 1.2.26', 'calc-ml reset --yes'))
    .action(async (lesson, opts) => (await import('./commands/reset.js')).run(lesson, opts));

  // commander's own refusals (unknown option, missing argument) in the CLI's one format: one line
  // after 'calc-ml: ', its suggestion on that line, and where the command's help is; exit status 1.
  for (const cmd of [program, ...program.commands]) {
    cmd.configureOutput({ outputError: (str, write) => write(`${stderrLines(commanderErrorLine(str, cmd === program ? undefined : cmd.name()))}\n`) });
  }
  // A typed f(x, y) starts at (3, 2) (commands/descend2d.ts): said beside the one-variable default.
  const start = program.commands.find((c) => c.name() === 'descend')?.options.find((o) => o.long === '--start');
  if (start) start.defaultValueDescription = `${DESCEND_DEFAULTS.start}, or 3,2 for two variables`;
  // Defaults read as typed ("default: -5"), not as JSON strings ("default: \"-5\"").
  for (const cmd of [program, ...program.commands]) {
    for (const o of cmd.options) if (typeof o.defaultValue === 'string' && o.defaultValueDescription === undefined) o.defaultValueDescription = o.defaultValue;
  }
  return program;
}

/**
 * commander's message ("error: unknown option '--widht'\n(Did you mean --width?)\n") as one line:
 * "calc-ml: unknown option '--widht' (did you mean --width?); see "calc-ml plot --help"".
 */
export function commanderErrorLine(message: string, command?: string): string {
  const [first, ...rest] = message.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const said = first.replace(/^error: /, '');
  const hint = rest.map((l) => ' ' + l.replace(/^\(Did you mean/, '(did you mean')).join('');
  const help = `see "calc-ml ${command ? `${command} ` : ''}--help"`;
  return `calc-ml: ${said}${hint}; ${help}`;
}

export function reportError(e: unknown, debug: boolean): number {
  if (e instanceof UserError) {
    process.stderr.write(`${stderrLines(`calc-ml: ${e.message}`)}\n`);
    for (const line of e.detail) process.stderr.write(`  ${line}\n`);
    if (debug) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  process.stderr.write(`${stderrLines(`calc-ml: unexpected error: ${err?.message ?? String(e)}`)}\n`);
  process.stderr.write(debug ? `${err?.stack}\n` : 'Run again with --debug to see where it happened, and report it.\n');
  return 1;
}
