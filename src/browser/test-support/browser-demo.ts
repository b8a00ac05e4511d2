/** The demo story the browser tests drive: its tenant, contracts, proposal, clock, users and viewports. */

export const TENANT = 'default';
export const BRIGHTPATH = 'northwind-brightpath-2026';
export const BRIGHTPATH_2027 = 'northwind-brightpath-2027';
export const COASTLINE = 'northwind-coastline-2026';
/** recalibrate(BRIGHTPATH, 2026-Q3) is the contract's first proposal. */
export const PROPOSAL = `${BRIGHTPATH}-r1`;
/**
 * The pages' clock: a day in the demo story's last quarter, so where each role lands and
 * which quarter pages open on do not depend on the day the tests run.
 */
export const BROWSER_NOW = '2026-11-16T10:00:00Z';
/** The quarter the pages open on at BROWSER_NOW (the latest ended quarter of the 2026 term). */
export const PERIOD = '2026-Q3';

export interface DemoUser {
  email: string;
  password: string;
}

export const USERS = {
  coo: { email: 'coo@northwind.example', password: 'demo-coo-2026' },
  viewer: { email: 'vendors@northwind.example', password: 'demo-viewer-2026' },
  brightpath: { email: 'ops@brightpath.example', password: 'demo-brightpath-2026' },
  coastline: { email: 'ops@coastline.example', password: 'demo-coastline-2026' },
  lead: { email: 'lead.lisbon@brightpath.example', password: 'demo-lead-2026' },
  agent: { email: 'agent@brightpath.example', password: 'demo-agent-2026' },
} satisfies Record<string, DemoUser>;

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
