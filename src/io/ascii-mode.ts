/**
 * Plain ASCII output (--ascii, or CALC_ML_ASCII set to anything but "" or "0"), for terminals without
 * box-drawing or other Unicode glyphs. Its own module so that the error reporter can ask without
 * loading chalk.
 */
export function asciiOnly(env = process.env, argv = process.argv): boolean {
  if (argv.includes('--ascii')) return true;
  return !!env.CALC_ML_ASCII && env.CALC_ML_ASCII !== '0';
}
