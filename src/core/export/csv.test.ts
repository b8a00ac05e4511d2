import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { inertText, toCsv } from './csv.js';

describe('the CSV writer', () => {
  it('quotes commas, quotes and line breaks so the file reads back to the same cells', () => {
    const cells = ['a,b', 'say "hi"', 'two\nlines', 'plain'];
    const text = toCsv(['h1', 'h2', 'h3', 'h4'], [cells]);
    expect(parse(text)).toEqual([['h1', 'h2', 'h3', 'h4'], cells]);
  });

  it.each([
    ['=HYPERLINK("http://x.example","click")', `'=HYPERLINK("http://x.example","click")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('makes %j inert', (input, expected) => {
    expect(inertText(input)).toBe(expected);
    expect(parse(toCsv(['w'], [[input]]))[1]?.[0]).toBe(expected);
  });

  it('leaves numbers, plain signed decimals and ordinary text alone', () => {
    expect(parse(toCsv(['a', 'b', 'c', 'd'], [[-120.5, '-120.50', 'Card disputes', null]]))[1]).toEqual([
      '-120.5',
      '-120.50',
      'Card disputes',
      '',
    ]);
  });
});
