import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { key } from '../grading/seed.js';

// The key's labs are calc-ml command lines the tutor runs for exercises 6, 8 and 9: they must run.
const bin = fileURLToPath(new URL('../../bin/calc-ml.js', import.meta.url));
const labs = Object.values(key.entries).filter((e) => e.lab).map((e) => [e.ref, e.lab!] as const);

test('the key has labs for exercises 6, 8 and 9', () => {
  expect(labs.map(([ref]) => ref)).toEqual(['1.2.26.6', '1.2.26.8', '1.2.26.9']);
});

test.each(labs)('%s: calc-ml %s runs', (_ref, lab) => {
  const r = spawnSync(process.execPath, [bin, ...lab.split(/\s+/), '--no-color'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '80' } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.length).toBeGreaterThan(0);
});
