import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export interface Installed {
  /** The folder the tarball was packed into (the working folder for npx). */
  work: string;
  /** The tarball's file name, in `work`. */
  tgz: string;
  /** What `npm pack` put in it. */
  files: string[];
  /** The installed `calc-ml` command. */
  bin: string;
}

/**
 * What a learner installs: `npm pack` (of the built tree; npm test builds first), then
 * `npm install -g` of that tarball into a temporary prefix. Nothing is fetched: everything runs
 * from the bundle, so the package has no dependencies.
 */
export function installTarball(): Installed {
  const work = mkdtempSync(join(tmpdir(), 'calc-ml-pack-'));
  const prefix = join(work, 'prefix');
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work, '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files = (JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path);
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', join(work, tgz)], { encoding: 'utf8', stdio: 'pipe' });
  return { work, tgz, files, bin: join(prefix, 'bin', 'calc-ml') };
}
