/**
 * Plain ASCII for terminals without box-drawing or other Unicode glyphs (`--ascii`, CALC_ML_ASCII).
 * Charts draw with ASCII styles of their own (chart.ts); this turns the text around them (titles,
 * legends, summaries, tables) and any glyph a caller put in into ASCII stand-ins. Written by hand:
 * transliteration libraries map letters (é → e) but not box drawing or the chart's marker shapes,
 * and these few symbols are all calc-ml prints.
 */
const STAND_INS: Record<string, string> = {
  // Box drawing (axes, rules).
  '─': '-', '━': '-', '╌': '-', '┄': '-', '═': '=', '│': '|', '┃': '|', '╎': '|', '┆': '|', '║': '|',
  '┼': '+', '┤': '+', '├': '+', '┬': '+', '┴': '+', '└': '+', '┘': '+', '┌': '+', '┐': '+',
  '╭': '.', '╮': '.', '╰': "'", '╯': "'", '╔': '.', '╗': '.', '╚': "'", '╝': "'", '╶': '-', '╴': '-',
  // Markers, distinct from each other and from the ASCII line styles.
  '●': '@', '○': 'o', '◆': '*', '◇': '&', '▲': '^', '△': 'A', '■': 'X', '□': '%', '⊕': 'B', '◌': 'F',
  // Verdicts and bullets.
  '✓': 'v', '✗': 'x', '✔': 'v', '•': '*', '█': '#', '░': '.', '▸': '>', '↳': '->', '↪': '>', '⏎': 'Enter', '❯': '>', '¦': '|',
  // Typography and mathematics.
  '−': '-', '–': '-', '—': '--', '·': '*', '×': 'x', '…': '...', '≈': '~', '≤': '<=', '≥': '>=', '≠': '!=',
  '→': '->', '←': '<-', '↑': '^', '↓': 'v', '±': '+/-', '∞': 'inf', '√': 'sqrt', '′': "'", '″': "''",
  '²': '^2', '³': '^3', '¹': '^1', '⁰': '^0', '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
  '\u00a0': ' ', '“': '"', '”': '"', '‘': "'", '’': "'", 'θ': 'theta', 'η': 'eta', 'α': 'alpha', 'β': 'beta', 'λ': 'lambda', '∇': 'grad', '∂': 'd', 'Δ': 'delta', 'Σ': 'sum',
};

/**
 * `text` with every character outside printable ASCII replaced: a stand-in when there is one; nothing
 * for accents, emoji and their joiners (decoration in the course's headings); else "?".
 */
export function asciiText(text: string): string {
  return toAscii(text, false);
}

/** asciiText keeping no-break spaces, for a wrapper that holds words together by them (ui.say). */
export function asciiTextKeepingNoBreak(text: string): string {
  return toAscii(text, true);
}

function toAscii(text: string, keepNoBreak: boolean): string {
  // eslint-disable-next-line no-control-regex
  // A middle dot between words separates ("Beginner · 8 hours"); inside a formula it multiplies.
  // Not " - ": wrapped to the start of a line, that reads as a list item.
  // A no-break space is a space, or kept for the wrapper.
  const other = keepNoBreak ? /[^\x00-\x7f\u00a0]/gu : /[^\x00-\x7f]/gu;
  return text.replace(/([ \u00a0])·([ \u00a0])/g, '$1|$2').replace(other, (ch) => STAND_INS[ch] ?? (/[\p{M}\p{Extended_Pictographic}\u200d\ufe0f]/u.test(ch) ? '' : '?'));
}
