import { runCli } from '../helpers/cli.js';

// Issue 12: --momentum is there so a learner sees momentum cross the narrow valley that plain
// descent zigzags down (or blows up across). Each momentum run's verdict says what the same rate
// does without it, where that differs, so the screen tells what momentum changed.

const joined = (t: string) => t.replace(/\n {2}(?=\S)/g, ' ');

describe('descend with momentum: what the same rate does without it', () => {
  test.each([['80', []], ['40', []], ['40', ['--ascii']]])('descend ravine --momentum 0.8 at %s columns %j', (width, flags) => {
    const out = joined(runCli(['descend', 'ravine', '--momentum', '0.8', '--width', width, ...(flags as string[])]).stdout);
    expect(out).toMatch(/lr 0\.11 with momentum 0\.8 [^\n]*; without momentum the same rate diverges/);
    expect(out).toMatch(/lr 0\.09 with momentum 0\.8 [^\n]*; without momentum the same rate zigzags across the valley/);
    for (const l of runCli(['descend', 'ravine', '--momentum', '0.8', '--width', width, ...(flags as string[])]).stdout.split('\n')) expect([...l].length).toBeLessThanOrEqual(Number(width));
  });

  test('without --momentum nothing is compared', () => {
    expect(runCli(['descend', 'ravine']).stdout).not.toMatch(/without momentum/);
  });
});
