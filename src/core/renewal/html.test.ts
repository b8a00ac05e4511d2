import { describe, expect, it } from 'vitest';
import { renderScorecardHtml } from './html.js';
import { recommend } from './rules.js';
import { healthyCard } from './test-support/fixture.js';
import { renderScorecardText } from './text.js';
import type { Scorecard } from './types.js';

const card = (): Scorecard => {
  const data = healthyCard();
  return { ...data, recommendation: recommend(data) };
};

describe('the scorecard document', () => {
  const html = renderScorecardHtml(card());

  it('is one self-contained document: no scripts, no external assets', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
    expect(html).not.toMatch(/href="http/);
  });

  it('leads with the recommendation and its reasons, then one page per section', () => {
    const order = [
      'id="summary"',
      'id="recommendation"',
      'id="outcomes"',
      'id="money"',
      'id="value"',
      'id="operations"',
      'id="recalibrations"',
      'id="rules"',
    ];
    const at = order.map((id) => html.indexOf(id));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).toContain('<p class="decision">Renew</p>');
    expect(html).toContain('3 of 4 outcomes moved in the better direction');
    expect(html).toMatch(/section id="outcomes" class="page"/);
    expect(html).toContain('@page { size: A4;');
  });

  it('draws its charts as inline SVG and escapes what it quotes', () => {
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('Client x Acme &lt;support&gt;');
    expect(html).not.toContain('Acme <support>');
  });

  it('has a terminal summary with the same reasons', () => {
    const text = renderScorecardText(card());
    expect(text).toContain('Recommendation: RENEW');
    expect(text).toContain('1. 3 of 4 outcomes moved');
    expect(text).toContain('cards/csat');
  });
});
