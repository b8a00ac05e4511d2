import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMapping, parseMapping } from './load-mapping.js';

const where = (issues: { code: string; line?: number; column?: number }[]) =>
  issues.map((issue) => `${issue.line}:${issue.column} ${issue.code}`);

const VALID = `apiVersion: covenant/v1
kind: Mapping
metadata: { name: tiny }
spec:
  dataset: sites
  columns:
    site: "lower(Site)"
    vendor: { const: in_house }
    timezone: { from: tz, values: { "01": Europe/Lisbon, 2: Asia/Manila, x: null }, default: UTC }
    country: 1.50
`;

describe('parseMapping', () => {
  it('reports every mistake of a file at once, each at its line and column', () => {
    const text = [
      'apiVersion: covenant/v2',
      'kind: Mapping',
      'metadata:',
      '  name: Bad Name',
      '  labels: { team: ops }',
      '  colour: red',
      'spec:',
      '  dataset: interactions',
      '  timezone: Mars/Olympus',
      `  filter: ["outcome != 'X'", "status !! 'y'"]`,
      '  columns:',
      `    interaction_id: "concat(a, 'x'"`,
      `    started_at: { date: d, time: t, dateFormat: '%Y-%q' }`,
      '    channel: { const: voice, extra: 1 }',
      '    workflow: frobnicate(type)',
      `    vendor: "if(type, 'a', 'b')"`,
      '    site: x = null',
      '    colour: red',
      '    path: { from: p }',
      '    resolved: null',
    ].join('\n');
    const result = parseMapping(text, 'bad.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(where(result.issues)).toEqual([
      '1:13 invalid',
      '4:9 invalid',
      '6:3 unknown_key',
      '9:13 unknown_timezone',
      '10:38 expression_syntax',
      '11:3 missing_column',
      '12:35 expression_syntax',
      '13:49 bad_date_format',
      '14:30 unknown_key',
      '15:15 unknown_function',
      '16:17 type_mismatch',
      '17:13 null_comparison',
      '18:5 unknown_column',
      '19:5 required',
      '20:15 required_null',
    ]);
    const byCode = Object.fromEntries(result.issues.map((issue) => [issue.code, issue]).reverse());
    expect(result.issues.every((issue) => issue.file === 'bad.yaml')).toBe(true);
    expect(byCode.expression_syntax).toMatchObject({
      path: ['spec', 'filter', 1],
      message: "unexpected character '!': use not, and, or (at character 8 of: status !! 'y')",
    });
    expect(byCode.unknown_function?.message).toContain(
      'unknown function frobnicate(); the functions are if, concat',
    );
    expect(byCode.unknown_column).toMatchObject({ path: ['spec', 'columns', 'colour'] });
    expect(byCode.missing_column).toMatchObject({ path: ['spec', 'columns', 'abandoned'] });
    expect(byCode.bad_date_format?.message).toContain('%q is not a supported specifier');
  });

  it('points into expressions written as single-quoted and block scalars', () => {
    const text = `apiVersion: covenant/v1
kind: Mapping
metadata: { name: m }
spec:
  dataset: sites
  filter: 'a = ''it''''s'' and b ='
  columns:
    site: |
      concat(a,
        b c)
    vendor: "x"
    timezone: "y"
`;
    const result = parseMapping(text, 'm.yaml');
    expect(!result.ok && where(result.issues)).toEqual(['6:35 expression_syntax', '10:11 expression_syntax']);
  });

  it('names unknown datasets and keys with a suggestion, and YAML syntax errors with a position', () => {
    const unknown = parseMapping(
      VALID.replace('dataset: sites', 'dataset: site').replace('columns:', 'colums:'),
      'f.yaml',
    );
    expect(!unknown.ok && unknown.issues.map((issue) => [issue.code, issue.message, issue.line])).toEqual([
      ['required', 'spec.columns is missing', 4],
      ['unknown_dataset', expect.stringContaining('unknown dataset site (did you mean sites?)'), 5],
      [
        'unknown_key',
        'unknown key colums (did you mean columns?); expected one of dataset, description, timezone, read, filter, columns',
        6,
      ],
    ]);
    const broken = parseMapping('spec:\n  columns: [a\n', 'f.yaml');
    expect(!broken.ok && broken.issues[0]).toMatchObject({ code: 'yaml_syntax', file: 'f.yaml', line: 3 });
  });

  it('checks dateFormat, zones and the column a date rule builds', () => {
    const base = VALID.replace('dataset: sites', 'dataset: interactions');
    const text = `${base}    started_at: { date: d, dateFormat: "%d/%m" }\n    abandoned: { date: d }\n    closed_at: { date: d, time: t, timeFormat: "%I:%M" }\n`;
    const result = parseMapping(text, 'f.yaml');
    const issues = result.ok ? [] : result.issues.map((issue) => `${issue.code}: ${issue.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        "bad_date_format: dateFormat '%d/%m' has no a year (%Y or %y)",
        expect.stringMatching(/^missing_timezone: /),
        'not_a_time_column: abandoned is a bool column: a { date, time } rule builds a timestamp or date',
        "bad_time_format: '%I:%M' uses %I (12-hour clock) without %p (AM/PM)",
      ]),
    );
  });

  it('keeps scalars as written and tells an absent default from a null one', () => {
    const result = parseMapping(VALID, 'tiny.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const spec = result.value;
    expect(spec).toMatchObject({ name: 'tiny', dataset: 'sites', file: 'tiny.yaml', filter: [] });
    expect([...spec.columns.keys()]).toEqual(['site', 'vendor', 'timezone', 'country']);
    const timezone = spec.columns.get('timezone');
    expect(timezone?.kind === 'values' && [...timezone.values]).toEqual([
      ['01', 'Europe/Lisbon'],
      ['2', 'Asia/Manila'],
      ['x', null],
    ]);
    expect(timezone?.kind === 'values' && timezone.default).toEqual({ value: 'UTC' });
    expect(spec.columns.get('country')).toMatchObject({ kind: 'const', value: '1.50' });
    expect(spec.columns.get('site')).toMatchObject({ kind: 'expr', loc: { line: 7, column: 11 } });
  });
});

describe('loadMapping', () => {
  it('loads the shipped Anonymous Bank mapping cleanly', async () => {
    const file = fileURLToPath(new URL('../../../mappings/anonymous-bank-1999.yaml', import.meta.url));
    const result = await loadMapping(file);
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && result.value).toMatchObject({ dataset: 'interactions', timezone: 'Asia/Jerusalem' });
  });

  it('reports a missing file as an issue', async () => {
    const result = await loadMapping('/nonexistent/mapping.yaml');
    expect(!result.ok && result.issues[0]).toMatchObject({
      code: 'unreadable_file',
      file: '/nonexistent/mapping.yaml',
    });
  });
});
