import {
  parseDependencies,
  addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies,
  unaryMinusDependencies, unaryPlusDependencies,
  sinDependencies, cosDependencies, tanDependencies, asinDependencies, acosDependencies, atanDependencies,
  sinhDependencies, coshDependencies, tanhDependencies, expDependencies, logDependencies, log10Dependencies,
  sqrtDependencies, cbrtDependencies, absDependencies,
  secDependencies, cscDependencies, cotDependencies, sechDependencies, cschDependencies, cothDependencies,
  piDependencies, eDependencies, tauDependencies,
} from 'mathjs/number';

/**
 * The number-only mathjs factories both instances need: the engine's (evaluation) and the
 * derivative's (its own bundle). One list, so the two cannot drift apart in what they understand.
 */
export const NUMBER_FACTORIES = {
  parseDependencies,
  addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies,
  unaryMinusDependencies, unaryPlusDependencies,
  sinDependencies, cosDependencies, tanDependencies, asinDependencies, acosDependencies, atanDependencies,
  sinhDependencies, coshDependencies, tanhDependencies, expDependencies, logDependencies, log10Dependencies,
  sqrtDependencies, cbrtDependencies, absDependencies,
  secDependencies, cscDependencies, cotDependencies, sechDependencies, cschDependencies, cothDependencies,
  piDependencies, eDependencies, tauDependencies,
};
