import { readFileSync } from 'node:fs';

/** One operator of a DuckDB query profile: its type, CPU seconds (summed over threads) and rows out. */
export interface OperatorTime {
  depth: number;
  operator: string;
  seconds: number;
  rows: number;
}

interface ProfileNode {
  operator_type?: string;
  operator_timing?: number;
  operator_cardinality?: number;
  children?: ProfileNode[];
}

/** The operators of a JSON profile DuckDB wrote (`PRAGMA enable_profiling = 'json'`), top down. */
export function profileOperators(file: string): OperatorTime[] {
  const root = JSON.parse(readFileSync(file, 'utf8')) as ProfileNode;
  const out: OperatorTime[] = [];
  const walk = (node: ProfileNode, depth: number) => {
    if (node.operator_type) {
      out.push({
        depth,
        operator: node.operator_type,
        seconds: node.operator_timing ?? 0,
        rows: node.operator_cardinality ?? 0,
      });
    }
    for (const child of node.children ?? []) walk(child, node.operator_type ? depth + 1 : depth);
  };
  walk(root, 0);
  return out;
}
