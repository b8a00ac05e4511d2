import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readYaml } from './read-yaml.js';
import { reportZodIssues } from './report-zod.js';
import { scalarText, suggest } from './reporter.js';

const where = (issues: { line?: number; column?: number; code: string; message: string }[]) =>
  issues.map((issue) => `${issue.line}:${issue.column} ${issue.code}: ${issue.message}`);

describe('readYaml', () => {
  it('reads YAML 1.2 core: dates and yes/no stay text, numbers keep their written form at the node', () => {
    const read = readYaml('day: 2026-01-01\nflag: yes\nrate: 0.10\nyear: 2026\n', 'x.yaml');
    if (!read.ok) throw new Error('parse');
    expect(read.value.js).toEqual({ day: '2026-01-01', flag: 'yes', rate: 0.1, year: 2026 });
    expect(scalarText(read.value.rep.locator.node(['rate']))).toBe('0.10');
  });

  it('reports a syntax error with its position', () => {
    const read = readYaml('a: [1, 2\nb: 3\n', 'x.yaml');
    expect(read.ok ? [] : read.issues.map((issue) => [issue.code, issue.file, issue.line])).toEqual([
      ['yaml_syntax', 'x.yaml', 2],
    ]);
  });
});

describe('reportZodIssues', () => {
  const schema = z.strictObject({
    name: z.string().describe('a name'),
    inner: z.strictObject({
      rate: z.string({ error: 'quote it: "{written}"' }),
      colour: z.string().optional(),
    }),
  });

  it('places unknown keys, missing keys and invalid values at their nodes', () => {
    const read = readYaml('inner:\n  rate: 4.20\n  color: red\n', 'x.yaml');
    if (!read.ok) throw new Error('parse');
    const { js, rep } = read.value;
    const parsed = schema.safeParse(js);
    if (parsed.success) throw new Error('expected issues');
    reportZodIssues(parsed.error, schema, js, rep);
    expect(where(rep.issues)).toEqual([
      '1:1 required: name is missing: a name',
      '2:9 invalid: quote it: "4.20"',
      '3:3 unknown_key: unknown key color (did you mean colour?); expected one of rate, colour',
    ]);
  });

  it('suggests near names only', () => {
    expect(suggest('bonuscap', ['bonusCap', 'atRisk'])).toBe(' (did you mean bonusCap?)');
    expect(suggest('zzz', ['bonusCap'])).toBe('');
  });
});
