import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';

/**
 * No user-facing English written straight into the dashboard: every JSX text node and every
 * text attribute a reader sees or hears (label, title, aria-label, placeholder, caption, hint)
 * goes through t(). Brand names, units, symbols and code stay as they are (ALLOWED). The
 * sources are parsed with the bundler's own parser (rolldown's, which Vite builds with).
 */

const WEB = join(import.meta.dirname, '../../web/src');
const ATTRIBUTES = new Set([
  'label',
  'title',
  'aria-label',
  'placeholder',
  'caption',
  'hint',
  'rowHeader',
  'what',
  'alt',
]);
/** Words that are the same in every language: the product, file formats and units. */
const ALLOWED = /\b(Covenant|n|p|v|KiB|ms|CSV|XLSX|PDF|YAML|RFP|CI)\b/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Words a reader would see: two letters in a row once the allowed terms are taken out. */
const wordy = (text: string): boolean => /[A-Za-z]{2,}/.test(text.replace(ALLOWED, ''));

interface Node {
  type: string;
  start: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** The text of a string literal or a template without ${} parts (their literal parts otherwise). */
function literalText(node: unknown): string | null {
  if (!isNode(node)) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral')
    return (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join(' ');
  if (node.type === 'JSXExpressionContainer') return literalText(node.expression);
  return null;
}

const elementName = (element: Node): string => {
  const opening = element.openingElement as { name?: { name?: unknown } } | undefined;
  return String(opening?.name?.name ?? '');
};

/** The strings an expression shows as it is: a literal, a template's text, either branch of a ?: or the right of && / ??. */
function shownStrings(node: unknown): string[] {
  if (!isNode(node)) return [];
  if (node.type === 'Literal' && typeof node.value === 'string') return [node.value];
  if (node.type === 'TemplateLiteral') return [literalText(node) ?? ''];
  if (node.type === 'ConditionalExpression')
    return [...shownStrings(node.consequent), ...shownStrings(node.alternate)];
  if (node.type === 'LogicalExpression') return shownStrings(node.right);
  return [];
}

/** A file's hard-coded texts, each with its line. */
function hardCodedText(file: string, text = readFileSync(file, 'utf8')): string[] {
  const found: string[] = [];
  const where = (node: Node) => `${relative(WEB, file)}:${text.slice(0, node.start).split('\n').length}`;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isNode(value)) return;
    // <code> holds commands and identifiers, the same in every language.
    if (value.type === 'JSXElement' && elementName(value) === 'code') return;
    if (value.type === 'JSXText' && wordy(String(value.value)))
      found.push(`${where(value)} text "${String(value.value).trim()}"`);
    if (value.type === 'JSXElement' || value.type === 'JSXFragment')
      for (const child of value.children as unknown[])
        if (isNode(child) && child.type === 'JSXExpressionContainer')
          for (const shown of shownStrings(child.expression))
            if (wordy(shown)) found.push(`${where(child)} text {"${shown.trim()}"}`);
    if (value.type === 'JSXAttribute' && isNode(value.name)) {
      const name = String(value.name.name);
      const shown = ATTRIBUTES.has(name)
        ? isNode(value.value) && value.value.type === 'JSXExpressionContainer'
          ? shownStrings(value.value.expression)
          : [literalText(value.value) ?? '']
        : [];
      for (const literal of shown) if (wordy(literal)) found.push(`${where(value)} ${name}="${literal}"`);
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'type') visit(child);
  };
  visit(parseAst(text, { lang: 'tsx' }));
  return found;
}

/** One hard-coded text of each kind the scan must find, and the kinds it must let through. */
const PROBE = `
export const probe = (
  <div>
    <p>Hello there</p>
    <Field label="Vendor" />
    <button type="button" aria-label="Close the dialog" />
    <p>{t('common.retry')}</p>
    <a href="#/">Covenant</a>
    <span>n = </span>
    <span>ms</span>
    <code>covenant backtest</code>
    <p>{busy ? 'Signing in' : t('login.submit')}</p>
    <Field label={t('common.vendor')} />
  </div>
);`;

describe('the dashboard has no hard-coded user-facing English', () => {
  it('finds the JSX text and text attributes it should (the scan itself works)', () => {
    expect(hardCodedText(join(WEB, 'probe.tsx'), PROBE)).toEqual([
      expect.stringContaining('text "Hello there"'),
      expect.stringContaining('label="Vendor"'),
      expect.stringContaining('aria-label="Close the dialog"'),
      expect.stringContaining('text {"Signing in"}'),
    ]);
  });

  it('every page and component of web/src says its words through t()', () => {
    const files = sources(WEB);
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((file) => hardCodedText(file))).toEqual([]);
  });
});
