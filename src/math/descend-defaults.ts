/**
 * What `calc-ml descend` does with an option left out. The command line (program.ts) and the
 * lessons' suggested command lines (tutor/lab-descent.ts) read these, so a suggestion can leave out
 * exactly the options whose value is the default and still reproduce the lab.
 */
// As typed on a command line: commander hands the command strings, and --help shows them so.
export const DESCEND_DEFAULTS = { start: '3', lr: '0.1', steps: '50', tol: '1e-6' } as const;
