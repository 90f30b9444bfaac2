import stringWidth from 'string-width';
import ourWidth from '../src/text-width.js';

// The build points string-width at src/text-width.ts (a lazy Intl.Segmenter, a fast path for Latin
// text): it must measure exactly as string-width does.
test.each([
  '', 'plain ASCII text', 'Quiz · Lesson 1.2.26: Calculus for ML - Big Picture', 'x² and café “quoted” — … •',
  '✓ Correct', '✗ Not quite', '~ Partly', '日本語のテキスト', '👍🏽 thumbs', '👨‍👩‍👧 family', 'e\u0301 combining', 'soft\u00adhyphen',
  '\u001b[31mred\u001b[39m', 'tab\there', 'zero\u200bwidth', '↑ ↓ → ∇ θ η', '© ® ™ ‼', 'ﾊﾝｶｸ', '\u2028line sep',
])('%j', (s) => {
  expect(ourWidth(s)).toBe(stringWidth(s));
  expect(ourWidth(s, { ambiguousIsNarrow: false })).toBe(stringWidth(s, { ambiguousIsNarrow: false }));
  expect(ourWidth(s, { countAnsiEscapeCodes: true })).toBe(stringWidth(s, { countAnsiEscapeCodes: true }));
});
