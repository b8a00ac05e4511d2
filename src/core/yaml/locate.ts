import { type Document, isMap, isNode, isPair, isScalar, type LineCounter, type Node, Scalar } from 'yaml';

/** A 1-based position in a file. */
export interface Loc {
  line: number;
  column: number;
}

/**
 * Positions of YAML nodes, and of characters inside scalar expressions, as 1-based
 * line:column. Shared by every YAML kind (mappings, contracts) so each reports alike.
 */
export class Locator {
  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number): Loc {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** The node at `path`, or the deepest existing ancestor (where a missing key belongs). */
  node(path: readonly (string | number)[]): Node | null {
    for (let n = path.length; n >= 0; n -= 1) {
      const found = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(found)) return found;
    }
    return null;
  }

  /** The key node of `key` in the map at `path` (for unknown-key issues). */
  key(path: readonly (string | number)[], key: string): Node | null {
    const map = this.node(path);
    if (!isMap(map)) return null;
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item.key;
    }
    return null;
  }

  loc(node: Node | null): Loc {
    return node?.range ? this.at(node.range[0]) : { line: 1, column: 1 };
  }

  /** Where character `offset` of a scalar's value is in the file (best effort for escapes and folding). */
  inScalar(node: Node | null, offset: number): Loc {
    if (!isScalar(node) || !node.range || typeof node.value !== 'string') return this.loc(node);
    let source = contentStart(this.text, node);
    const end = node.range[1];
    const value = node.value;
    for (let k = 0; k < offset && k < value.length; k += 1) {
      const ch = value[k];
      if (node.type === Scalar.QUOTE_SINGLE && ch === "'" && this.text.startsWith("''", source)) {
        source += 2;
        continue;
      }
      const found = this.text.indexOf(ch as string, source);
      if (found === -1 || found >= end) return this.loc(node);
      source = found + 1;
    }
    if (offset >= value.length) return this.at(Math.min(source, end));
    // Skip what the value drops before the character (line folds, indentation).
    const found = this.text.indexOf(value[offset] as string, source);
    return this.at(found === -1 || found >= end ? source : found);
  }
}

function contentStart(text: string, node: Scalar): number {
  const start = node.range?.[0] ?? 0;
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
    case Scalar.QUOTE_DOUBLE:
      return start + 1;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      const newline = text.indexOf('\n', start);
      return newline === -1 ? start : newline + 1;
    }
    default:
      return start;
  }
}
