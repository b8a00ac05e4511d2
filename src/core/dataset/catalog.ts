import {
  bool,
  country,
  date,
  integer,
  language,
  money,
  number,
  oneOf,
  text,
  timestamp,
  timezone,
} from './columns.js';
import type { DatasetDef, DatasetName, RowRule } from './types.js';

/** The canonical datasets of shared/spec/data-formats.md: the one place their shape is written. */

const notBefore = (later: string, earlier: string, strict = false): RowRule => ({
  code: strict ? 'ends_before_start' : 'before_start',
  column: later,
  notBefore: { later, earlier, strict },
  message: strict ? `${later} must be after ${earlier}` : `${later} must not be before ${earlier}`,
});

const ACTIVITIES = ['work', 'break', 'training', 'coaching', 'meeting'] as const;
const STATES = [
  'available',
  'on_contact',
  'after_contact_work',
  'break',
  'training',
  'coaching',
  'meeting',
  'offline',
] as const;

const definitions: DatasetDef[] = [
  {
    name: 'interactions',
    description: 'one row per customer contact (CRM / contact platform)',
    key: ['interaction_id'],
    timeColumn: 'started_at',
    columns: [
      text('interaction_id', true),
      timestamp('started_at', true),
      timestamp('closed_at'),
      oneOf(['voice', 'chat', 'email', 'messaging'])('channel', true),
      text('workflow', true),
      text('vendor', true),
      text('site', true),
      language('language'),
      text('agent_id'),
      text('customer_id'),
      oneOf(['bot', 'human', 'bot_to_human'])('path', true),
      number(0)('queue_seconds'),
      number(0)('handle_seconds'),
      bool('abandoned', true),
      bool('resolved', true),
      integer(1, 5)('csat'),
      bool('error', false, 'false'),
      oneOf(['none', 'declined', 'accepted'])('offer', false, 'none'),
      money('revenue', false, '0'),
    ],
    rules: [notBefore('closed_at', 'started_at')],
  },
  {
    name: 'customers',
    description: 'customers (CRM)',
    key: ['customer_id'],
    timeColumn: 'since',
    columns: [
      text('customer_id', true),
      date('since', true),
      date('churned_at'),
      text('segment'),
      money('monthly_value'),
    ],
    rules: [notBefore('churned_at', 'since')],
  },
  {
    name: 'qa_reviews',
    description: 'QA reviews of contacts (QA tool)',
    key: ['review_id'],
    timeColumn: 'reviewed_at',
    columns: [
      text('review_id', true),
      text('interaction_id', true),
      text('reviewer_id', true),
      timestamp('reviewed_at', true),
      number(0, 100)('score', true),
      bool('calibration', false, 'false'),
    ],
    rules: [],
  },
  {
    name: 'sites',
    description: 'delivery sites and their time zones (reference)',
    key: ['site'],
    columns: [text('site', true), text('vendor', true), timezone('timezone', true), country('country')],
    rules: [],
  },
  {
    name: 'agents',
    description: 'HR roster of agents, team leads and staff',
    key: ['agent_id'],
    timeColumn: 'hired_at',
    columns: [
      text('agent_id', true),
      text('vendor', true),
      text('site', true),
      timezone('timezone', true),
      oneOf(['agent', 'team_lead', 'qa', 'trainer', 'manager'])('role', true),
      text('team_lead_id'),
      bool('critical_role', false, 'false'),
      date('hired_at', true),
      date('left_at'),
    ],
    rules: [notBefore('left_at', 'hired_at')],
  },
  {
    name: 'schedules',
    description: 'WFM plan: scheduled activities per agent',
    key: ['agent_id', 'start'],
    timeColumn: 'start',
    intervals: { by: 'agent_id', start: 'start', end: 'end' },
    columns: [
      text('agent_id', true),
      oneOf(ACTIVITIES)('activity', true),
      timestamp('start', true),
      timestamp('end', true),
    ],
    rules: [notBefore('end', 'start', true)],
  },
  {
    name: 'agent_states',
    description: 'WFM actuals: agent states over time',
    key: ['agent_id', 'start'],
    timeColumn: 'start',
    intervals: { by: 'agent_id', start: 'start', end: 'end' },
    columns: [
      text('agent_id', true),
      oneOf(STATES)('state', true),
      timestamp('start', true),
      timestamp('end', true),
    ],
    rules: [notBefore('end', 'start', true)],
  },
  {
    name: 'coaching_sessions',
    description: 'coaching sessions held with agents (HR / QA)',
    key: ['session_id'],
    timeColumn: 'held_at',
    columns: [
      text('session_id', true),
      text('agent_id', true),
      text('coach_id', true),
      timestamp('held_at', true),
      oneOf(['video', 'in_person', 'async'])('mode', true),
      number(0)('minutes', true),
    ],
    rules: [],
  },
  {
    name: 'vacancies',
    description: 'open and filled positions (HR)',
    key: ['vacancy_id'],
    timeColumn: 'opened_at',
    columns: [
      text('vacancy_id', true),
      text('vendor', true),
      text('site', true),
      oneOf(['agent', 'team_lead', 'qa', 'trainer', 'manager'])('role', true),
      bool('critical_role', false, 'false'),
      date('opened_at', true),
      date('filled_at'),
    ],
    rules: [notBefore('filled_at', 'opened_at')],
  },
  {
    name: 'incidents',
    description: 'vendor incident register',
    key: ['incident_id'],
    timeColumn: 'opened_at',
    columns: [
      text('incident_id', true),
      text('vendor', true),
      text('site', true),
      oneOf(['security', 'outage', 'data', 'access', 'other'])('category', true),
      oneOf(['sev1', 'sev2', 'sev3', 'sev4'])('severity', true),
      timestamp('opened_at', true),
      timestamp('acknowledged_at'),
      timestamp('resolved_at'),
    ],
    rules: [notBefore('acknowledged_at', 'opened_at'), notBefore('resolved_at', 'opened_at')],
  },
  {
    name: 'access_events',
    description: 'logins from the identity provider / VPN',
    key: ['event_id'],
    timeColumn: 'at',
    columns: [
      text('event_id', true),
      text('agent_id', true),
      timestamp('at', true),
      country('country', true),
      bool('mfa', true),
      bool('device_compliant', true),
      oneOf(['corporate', 'vpn', 'public'])('network', true),
    ],
    rules: [],
  },
];

export const DATASETS: ReadonlyMap<DatasetName, DatasetDef> = new Map(definitions.map((d) => [d.name, d]));

export function datasetDef(name: DatasetName): DatasetDef {
  const def = DATASETS.get(name);
  if (!def) throw new Error(`no dataset definition for ${name}`);
  return def;
}
