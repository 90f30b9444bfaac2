/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw`: steps whose multiples read well. */
export function niceStep(raw: number, mantissas: readonly number[] = [1, 2, 2.5, 5]): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [...mantissas, 10]) if (m * p >= raw * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/**
 * Formats labels that are multiples of `step` with just the decimals the step needs:
 * step 5 → "25", step 0.25 → "0.25", never "9.000000"; very large or small values in exponent form.
 */
export function labelFormatter(step: number, largest: number): (v: number) => string {
  const abs = Math.max(Math.abs(largest), step);
  if (abs >= 1e6 || step < 1e-4) {
    return (v) => (Math.abs(v) < step / 2 ? '0' : v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e'));
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) + (String(step / 10 ** Math.floor(Math.log10(step) + 1e-9)).includes('.') ? 1 : 0);
  return (v) => {
    const s = v.toFixed(decimals);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  };
}

function quantile(sorted: readonly number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
}

/**
 * The y range to draw: all of the values, unless a few of them run off towards a pole (1/x near 0,
 * tan near π/2). Then the range is the middle 80% of the values widened by twice its size on each
 * side: wide enough for x², exp(x) or x^10 to show whole, narrow enough that a pole does not flatten
 * the rest of the curve into a line.
 */
export function robustRange(values: readonly number[]): [number, number] {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return [-1, 1];
  let lo = v[0];
  let hi = v[v.length - 1];
  if (v.length >= 10) {
    const q10 = quantile(v, 0.1);
    const q90 = quantile(v, 0.9);
    const span = Math.max(q90 - q10, 1e-9 * Math.max(1, Math.abs(q90)));
    lo = Math.max(lo, q10 - 2 * span);
    hi = Math.min(hi, q90 + 2 * span);
  }
  return drawableRange(lo, hi);
}

/**
 * A y range a chart can draw. Variation under a millionth of the value cannot be drawn (nor
 * labelled: every row read "1e0"), and a range of one value (a single loss of 1.7e16) has no rows:
 * such values are drawn as the constant they are to the eye, in a range a tenth around them.
 */
export function drawableRange(lo: number, hi: number): [number, number] {
  if (!(hi - lo >= 1e-6 * Math.max(1, Math.abs(hi)))) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) / 10 : 1;
    return [Math.min(lo, hi) - pad, Math.max(lo, hi) + pad];
  }
  return [lo, hi];
}

/** Tick values: multiples of 1, 2 or 5 × 10^k within [from, to], at most `most` of them. */
export function ticks(from: number, to: number, most: number): { step: number; values: number[] } {
  let step = niceStep((to - from) / Math.max(1, most), [1, 2, 5]);
  let values: number[] = [];
  for (;;) {
    values = [];
    for (let k = Math.ceil(from / step - 1e-9); k * step <= to + step * 1e-9; k++) values.push(k * step);
    if (values.length <= most) break;
    step = niceStep(step * 1.0001, [1, 2, 5]);
  }
  return { step, values };
}
