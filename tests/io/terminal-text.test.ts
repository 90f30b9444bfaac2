import { Writable } from 'node:stream';
import { jsonText, terminalText, withoutControls } from '../../src/terminal-text.js';
import { guardStream, rawOutput } from '../../src/io/output-edge.js';

const ESC = '\u001b';

describe('terminalText: what may reach a terminal', () => {
  test.each([
    ['OSC 52 (set the clipboard) with BEL', `true ${ESC}]52;c;aGk=\u0007`, 'true '],
    ['OSC 0 (window title) with ST', `a${ESC}]0;owned${ESC}\\b`, 'ab'],
    ['OSC 8 hyperlink', `${ESC}]8;;https://evil.example${ESC}\\text${ESC}]8;;${ESC}\\`, 'text'],
    ['clear screen (CSI)', `${ESC}[2Jx`, 'x'],
    ['clear screen (8-bit CSI)', '\u009b2Jx', 'x'],
    ['cursor up and erase line', `ok${ESC}[1A${ESC}[2Kfake`, 'okfake'],
    ['charset switch to line drawing', `${ESC}(0abc`, 'abc'],
    ['device status report (the terminal would type an answer)', `${ESC}[6n`, ''],
    ['carriage return over the line', '✗ wrong\r✓ right', '✗ wrong✓ right'],
    ['backspace, bell, DEL, NEL, lone ESC', `a\bb\u0007c\u007fd\u0085e${ESC}`, 'abcde'],
    ['newline and tab are layout', 'a\n\tb', 'a\n\tb'],
    ['colour codes go when colour is off', `${ESC}[31mred${ESC}[39m`, 'red'],
    ['right-to-left override shown, not obeyed', 'abc\u202edcba', 'abc<U+202E>dcba'],
    ['isolates and marks shown', '\u2066x\u2069\u200f', '<U+2066>x<U+2069><U+200F>'],
    ['zero-width characters dropped', 'khan\u200bacademy\u200c.org\u2060\ufeff', 'khanacademy.org'],
    ['tag characters (hidden ASCII) dropped', 'a\u{e0041}\u{e0042}b', 'ab'],
    ['a joiner between emoji stays', '👩\u200d💻 and x\u200dy', '👩\u200d💻 and xy'],
    ['line separator becomes a space', 'a\u2028b', 'a b'],
    ['ordinary Unicode stays', 'x² − 1 · café ✓ 🟩', 'x² − 1 · café ✓ 🟩'],
  ])('%s', (_name, input, expected) => {
    expect(terminalText(input)).toBe(expected);
    expect(terminalText(expected)).toBe(expected); // idempotent
  });

  test.each([
    ['chalk colours and emphasis stay', `${ESC}[1m${ESC}[36mTitle${ESC}[39m${ESC}[22m ${ESC}[90mgray${ESC}[39m`, `${ESC}[1m${ESC}[36mTitle${ESC}[39m${ESC}[22m ${ESC}[90mgray${ESC}[39m`],
    ['conceal and blink go', `${ESC}[8mhidden${ESC}[5mblink${ESC}[0m`, `hiddenblink${ESC}[0m`],
    ['black, backgrounds and 24-bit colour go (text could vanish)', `${ESC}[30;40mx${ESC}[48;2;0;0;0my${ESC}[31;8mz`, 'xyz'],
    ['other sequences still go', `${ESC}[32m✓${ESC}[39m${ESC}[2J${ESC}]52;c;x\u0007`, `${ESC}[32m✓${ESC}[39m`],
  ])('with colour on: %s', (_name, input, expected) => {
    expect(terminalText(input, { sgr: true })).toBe(expected);
  });

  test('with colour on, removing one sequence never forms another', () => {
    for (const s of [`${ESC}[3${ESC}[2J0m`, `${ESC}${ESC}[2J[30m`, `${ESC}[${ESC}]0;x\u00078m`, `\u009b${ESC}[31m8m`]) {
      expect(terminalText(s, { sgr: true })).not.toMatch(/\u001b\[(?:30|8)m|\u009b/);
    }
  });

  test('withoutControls (lesson text as stored) keeps bidi and invisible characters for the edge', () => {
    expect(withoutControls(`a${ESC}[2J\u202eb\u200bc\u0007`)).toBe('a\u202eb\u200bc');
  });
});

describe('jsonText: safe to print, nothing lost', () => {
  test.each([
    ['C0 and ESC (JSON.stringify escapes them)', { a: `x${ESC}]52;c;y\u0007` }],
    ['C1 and DEL', { a: '\u009b2J\u007f\u0085' }],
    ['bidi, zero-width, separators, BOM, tags', { a: '\u202e\u2066\u200b\u200d\u2028\ufeff\u{e0041}' }],
    ['ordinary text', { a: 'x² − 1 · café ✓ 🟩', b: [1, null, 'é'] }],
  ])('%s', (_name, value) => {
    const text = jsonText(value, 2);
    expect(JSON.parse(text)).toEqual(value);
    expect(terminalText(text)).toBe(text);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/);
  });
});

describe('the output edge', () => {
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        chunks.push(chunk.toString());
        cb();
      },
    }) as unknown as NodeJS.WriteStream;
    return { stream, text: () => chunks.join('') };
  };

  test('every write is cleaned; colour kept only when the stream has colour', () => {
    const plain = sink();
    guardStream(plain.stream, { sgr: false, ascii: false });
    plain.stream.write(`${ESC}[31m✗${ESC}[39m ${ESC}]52;c;x\u0007"true"\n`);
    plain.stream.write(Buffer.from(`${ESC}[2Jbytes\n`));
    expect(plain.text()).toBe('✗ "true"\nbytes\n');

    const coloured = sink();
    guardStream(coloured.stream, { sgr: true, ascii: true });
    coloured.stream.write(`${ESC}[31m✗${ESC}[39m \u202e${ESC}[2J\n`);
    expect(coloured.text()).toBe(`${ESC}[31mx${ESC}[39m <U+202E>\n`);
  });

  test('a character split between two writes of bytes stays whole', () => {
    const s = sink();
    guardStream(s.stream, { sgr: false, ascii: false });
    const bytes = Buffer.from('é✓');
    s.stream.write(bytes.subarray(0, 1));
    s.stream.write(bytes.subarray(1, 3));
    s.stream.write(bytes.subarray(3));
    expect(s.text()).toBe('é✓');
  });

  test("rawOutput (inquirer's stream) writes past the edge, and is the same stream otherwise", () => {
    const s = sink();
    guardStream(s.stream, { sgr: false, ascii: false });
    const r = rawOutput(s.stream);
    r.write(`${ESC}[1A${ESC}[2K`);
    expect(s.text()).toBe(`${ESC}[1A${ESC}[2K`);
    expect(r.writable).toBe(true);
    let heard = false;
    r.on('custom', () => (heard = true));
    s.stream.emit('custom');
    expect(heard).toBe(true);
  });
});

describe('text with nothing to clean passes unscanned, and the quick check misses nothing', () => {
  // A control character at the end always takes the full path (and is itself removed), so each
  // character alone must come out as it does beside one.
  const chars = [...Array.from({ length: 0x30000 }, (_, i) => i), ...Array.from({ length: 0x200 }, (_, i) => 0xe0000 + i)]
    .filter((c) => c < 0xd800 || c > 0xdfff)
    .map((c) => String.fromCodePoint(c));
  test('terminalText', () => {
    const differ = chars.filter((c) => terminalText(c) !== terminalText(c + '\u0001') || terminalText(c, { sgr: true }) !== terminalText(c + '\u0001', { sgr: true }));
    expect(differ.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
  });
  test('withoutControls', () => {
    expect(chars.filter((c) => withoutControls(c) !== withoutControls(c + '\u0001')).map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
  });
  test('a zero-width joiner between emoji stays, alone it goes', () => {
    expect(terminalText('👩\u200d💻')).toBe('👩\u200d💻');
    expect(terminalText('a\u200db')).toBe('ab');
  });
});
