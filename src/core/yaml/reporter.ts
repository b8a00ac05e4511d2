import { isScalar, type Node } from 'yaml';
import type { Issue } from '../issues.js';
import type { Loc, Locator } from './locate.js';

type Path = (string | number)[];

/** Collects every issue of one YAML file (a mapping, a contract), each with its file position. */
export class Reporter {
  readonly issues: Issue[] = [];

  constructor(
    readonly file: string,
    readonly locator: Locator,
  ) {}

  at(code: string, path: Path, message: string, loc: Loc): void {
    this.issues.push({ code, path, message, file: this.file, line: loc.line, column: loc.column });
  }

  /** An issue about the node at `path` (or its nearest existing ancestor). */
  node(code: string, path: Path, message: string): void {
    this.at(code, path, message, this.locator.loc(this.locator.node(path)));
  }

  /** An issue about a missing key: at the key of the map that lacks it. */
  missing(code: string, path: Path, message: string): void {
    const parent = path.slice(0, -1);
    const name = parent.at(-1);
    const node = typeof name === 'string' ? this.locator.key(parent.slice(0, -1), name) : null;
    this.at(code, path, message, this.locator.loc(node ?? this.locator.node(parent)));
  }

  /** An issue about the key `key` of the map at `path`. */
  key(code: string, path: Path, key: string, message: string): void {
    const node = this.locator.key(path, key) ?? this.locator.node(path);
    this.at(code, [...path, key], message, this.locator.loc(node));
  }
}

/** A scalar as the text it was written as (1.50 stays 1.50); null for YAML null. */
export function scalarText(node: Node | null | undefined): string | null {
  if (!isScalar(node) || node.value === null || node.value === undefined) return null;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

/** ` (did you mean x?)` when a candidate is a likely typo of `name`. */
export function suggest(name: string, candidates: readonly string[]): string {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === null ? '' : ` (did you mean ${best}?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min(
          (previous[j] as number) + 1,
          (current[j - 1] as number) + 1,
          (previous[j - 1] as number) + cost,
        ),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
