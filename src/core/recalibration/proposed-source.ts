import { type Document, isMap, isScalar, parseDocument } from 'yaml';
import { parseContract } from '../contract/parse-contract.js';
import type { Contract } from '../contract/types.js';
import { UserError } from '../issues.js';

/**
 * The next version's YAML: the current version's stored source with the proposal's
 * changes set in place (comments and layout kept where the yaml package can), then
 * checked by parseContract like any contract file.
 */

export interface OutcomeEdit {
  /** Indexes in spec.portfolios and its outcomes (the normal form keeps the file's order). */
  portfolio: number;
  outcome: number;
  target: number;
  /** The new `at` of each payout point, in order. */
  points: number[];
  /** A written baseline value moves with the target; a measured one ({ period }) is left. */
  baseline?: number;
}

export interface SourceEdits {
  version: number;
  effectiveFrom: string;
  /** The new recalibration.reference: the period the new terms are priced on (none: left as it is). */
  reference?: string;
  rate?: string;
  outcomes: OutcomeEdit[];
  /** Lines added to the comment at the top of the file. */
  header: string[];
}

const OPTIONS = { version: '1.2', schema: 'core' } as const;
const TO_STRING = { lineWidth: 0 } as const;

function documentOf(source: string): Document {
  const doc = parseDocument(source, OPTIONS);
  if (doc.errors.length > 0) throw new Error(`the stored source no longer parses: ${doc.errors[0]?.message}`);
  return doc;
}

/** Sets a scalar in place (keeping its quoting and comment), or adds it. */
function setValue(doc: Document, path: (string | number)[], value: unknown, comment?: string): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) {
    node.value = value;
    if (comment !== undefined) node.comment = comment;
  } else {
    doc.setIn(path, value);
  }
}

/** spec.effectiveFrom, placed after `term` when the file has none. */
function setEffectiveFrom(doc: Document, date: string): void {
  const spec = doc.get('spec', true);
  if (!isMap(spec)) throw new Error('the stored source has no spec map');
  if (spec.has('effectiveFrom')) {
    setValue(doc, ['spec', 'effectiveFrom'], date);
    return;
  }
  const at = spec.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'term');
  spec.items.splice(at === -1 ? spec.items.length : at + 1, 0, doc.createPair('effectiveFrom', date));
}

export function editSource(source: string, edits: SourceEdits): string {
  const doc = documentOf(source);
  setValue(doc, ['metadata', 'version'], edits.version);
  setEffectiveFrom(doc, edits.effectiveFrom);
  if (edits.reference !== undefined)
    setValue(
      doc,
      ['spec', 'recalibration', 'reference'],
      edits.reference,
      ' the period these terms were priced on',
    );
  if (edits.rate !== undefined) {
    const old = doc.getIn(['spec', 'pricing', 'base', 'rate']);
    setValue(
      doc,
      ['spec', 'pricing', 'base', 'rate'],
      edits.rate,
      ` was ${String(old)}: staffing-model unit rate`,
    );
  }
  for (const edit of edits.outcomes) {
    const at = ['spec', 'portfolios', edit.portfolio, 'outcomes', edit.outcome];
    setValue(doc, [...at, 'target'], edit.target);
    edit.points.forEach((value, index) => {
      setValue(doc, [...at, 'payout', 'points', index, 'at'], value);
    });
    if (edit.baseline !== undefined) setValue(doc, [...at, 'baseline'], edit.baseline);
  }
  const header = edits.header.map((line) => ` ${line}`).join('\n');
  doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${header}` : header;
  return doc.toString(TO_STRING);
}

/** The same source with another spec.effectiveFrom (an approval after the stated date moves it), saying why. */
export function withEffectiveFrom(source: string, date: string, why?: string): string {
  const doc = documentOf(source);
  setEffectiveFrom(doc, date);
  if (why !== undefined) doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n ${why}` : ` ${why}`;
  return doc.toString(TO_STRING);
}

/** Parses a proposed source as any contract file is parsed: it must validate. */
export function checkProposedSource(source: string, name: string): Contract {
  const parsed = parseContract(source, name);
  if (!parsed.ok) {
    throw new UserError(
      `the proposed terms do not validate (${parsed.issues.length} problem(s))`,
      parsed.issues,
    );
  }
  return parsed.value;
}
