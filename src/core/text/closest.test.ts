import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './closest.js';

describe('closest', () => {
  it('measures edits', () => {
    expect(editDistance('brightpth', 'brightpath')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests a near value and nothing for a far one', () => {
    expect(closest('brightpth', ['coastline', 'brightpath'])).toBe('brightpath');
    expect(closest('Lisbn', ['lisbon', 'manila'])).toBe('lisbon');
    expect(closest('zzzzzz', ['coastline', 'brightpath'])).toBeNull();
  });
});
