import stripAnsi from 'strip-ansi';

// strip-ansi removes ESC-introduced sequences (CSI, OSC, …); what is left of C0/C1 controls (bell,
// backspace, lone ESC, 8-bit CSI 0x9b, DEL) could still move the cursor or ring, so it goes too.
// Newline and tab are kept: they are the text's layout.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Normalises line endings and removes terminal control sequences from text that came from a file. */
export function sanitize(text: string): string {
  return stripAnsi(text.replace(/\r\n?/g, '\n')).replace(CONTROLS, '');
}
