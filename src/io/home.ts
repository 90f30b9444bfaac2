import envPaths from 'env-paths';

/** $CALC_ML_HOME, else the platform's user data folder for calc-ml (~/.local/share/calc-ml on Linux). */
export function progressHome(env = process.env): string {
  return env.CALC_ML_HOME || envPaths('calc-ml', { suffix: '' }).data;
}
