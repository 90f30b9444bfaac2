import { formatNumber as fmt } from '../math/format.js';
import { asciiText } from '../chart/ascii.js';

// Directions and points as a learner reads them. Pure.

/** (1, 2) with round numbers; noise next to 0 (below `zero`) reads as 0. */
export function point(x: number, y: number, digits = 4, zero = 1e-9): string {
  const c = (v: number) => fmt(Math.abs(v) < zero ? 0 : v, digits);
  return `(${c(x)}, ${c(y)})`;
}

/**
 * A direction in words: "up (+y)", "right and a little up", with its angle from the +x axis,
 * counter-clockwise, as a maths teacher gives it.
 */
export function directionWords(dx: number, dy: number, vars: readonly [string, string]): string {
  const deg = (Math.atan2(dy, dx) * 180) / Math.PI;
  const a = ((deg % 360) + 360) % 360;
  const names = [`right (+${vars[0]})`, 'up and to the right', `up (+${vars[1]})`, 'up and to the left', `left (−${vars[0]})`, 'down and to the left', `down (−${vars[1]})`, 'down and to the right'];
  const k = Math.round(a / 45) % 8;
  const off = a - k * 45;
  const pure = ['right', '', 'up', '', 'left', '', 'down', ''];
  let words = names[k];
  // Within 10° of an axis: the axis; else say which way it leans.
  if (pure[k] && Math.abs(off) > 10) {
    const lean = k === 0 ? (off > 0 ? 'up' : 'down') : k === 2 ? (off > 0 ? 'left' : 'right') : k === 4 ? (off > 0 ? 'down' : 'up') : off > 0 ? 'right' : 'left';
    words = `${pure[k]} (${k === 0 ? '+' + vars[0] : k === 2 ? '+' + vars[1] : k === 4 ? '−' + vars[0] : '−' + vars[1]}), a little ${lean}`;
  }
  return `${words}, ${fmt(a, 3)}° from the +${vars[0]} axis`;
}

/**
 * Text as --ascii prints it, turned into ASCII before it is wrapped (the output edge would make
 * "∇f" into "gradf" after wrapping, and lines would overrun the width): the chart's stand-ins, and
 * "deg" for degrees.
 */
export function plainText(text: string, ascii: boolean): string {
  return ascii ? asciiText(text.replace(/°/g, ' deg').replace(/∇f/g, 'grad f')) : text;
}
