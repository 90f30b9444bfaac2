import { isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Problem } from './check.js';

export type Report = (line: number, severity: Problem['severity'], message: string) => void;

/** Reads one key entry's fields; reports what is wrong where it is. */
export class EntryReader {
  constructor(
    private readonly map: YAMLMap,
    readonly lineOf: (node: unknown) => number,
    readonly report: Report,
    readonly ref: string,
  ) {}

  node(field: string): Node | undefined {
    return this.map.get(field, true) as Node | undefined;
  }

  line(field?: string): number {
    return this.lineOf(field ? this.node(field) ?? this.map : this.map);
  }

  text(field: string): string | undefined {
    const n = this.node(field);
    if (n === undefined) return undefined;
    if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') && String(n.value).trim()) return String(n.value).trim();
    this.report(this.line(field), 'error', `${this.ref}: "${field}" must be text`);
    return undefined;
  }

  number(field: string): number | undefined {
    const n = this.node(field);
    if (n === undefined) return undefined;
    if (isScalar(n) && typeof n.value === 'number' && Number.isFinite(n.value)) return n.value;
    this.report(this.line(field), 'error', `${this.ref}: "${field}" must be a number`);
    return undefined;
  }

  /** A list of non-empty strings; [] (with an error) when it is empty or not a list. */
  strings(node: unknown, what: string): string[] {
    if (!isSeq(node)) {
      this.report(this.lineOf(node ?? this.map), 'error', `${this.ref}: ${what} must be a list`);
      return [];
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim()) {
        out.push(String(item.value).trim());
      } else {
        this.report(this.lineOf(item), 'error', `${this.ref}: an item of ${what} is empty or not text`);
      }
    }
    if (!node.items.length) this.report(this.lineOf(node), 'error', `${this.ref}: ${what} is an empty list`);
    return out;
  }
}
