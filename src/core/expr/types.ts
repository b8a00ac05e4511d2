/**
 * The expression language's syntax tree, shared by mappings (ingest) and metrics (core):
 * parse.ts parses it; each user compiles it to SQL with its own column types.
 */

/** A 1-based position in a file. */
export interface Loc {
  line: number;
  column: number;
}

export type BinaryOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '||' | 'and' | 'or';

interface NodeBase {
  /** 0-based offset of the node in the expression text. */
  offset: number;
  /** Where the node is in the file (best effort for escaped or folded YAML scalars). */
  loc: Loc;
}

export type Expr =
  | (NodeBase & { kind: 'column'; name: string })
  | (NodeBase & { kind: 'string'; value: string })
  | (NodeBase & { kind: 'number'; value: number; integer: boolean })
  | (NodeBase & { kind: 'bool'; value: boolean })
  | (NodeBase & { kind: 'null' })
  | (NodeBase & { kind: 'unary'; op: 'not' | '-'; arg: Expr })
  | (NodeBase & { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr })
  | (NodeBase & { kind: 'call'; name: string; args: Expr[] });
