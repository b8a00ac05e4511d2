import { describe, expect, it } from 'vitest';
import type { DatasetName } from '../../core/dataset/types.js';
import { raw } from '../../core/sql/fragment.js';
import { memoryStore, REPO_ROOT } from '../../test-support/fixtures.js';
import { importFile } from '../import-file.js';
import { loadMappingFactory } from '../mapping-hook.js';
import { loadMapping } from './load-mapping.js';

/**
 * The shipped mappings of vendors' exports, each on a sample written from the vendor's
 * documented export format (mappings/samples/), imported through the real importer.
 */
async function imported(dataset: DatasetName, mapping: string, sample: string, columns: string) {
  const store = await memoryStore();
  const summary = await importFile(store, dataset, `${REPO_ROOT}/mappings/samples/${sample}`, {
    tenant: 'default',
    mapping: await loadMappingFactory(`${REPO_ROOT}/mappings/${mapping}.yaml`),
  });
  const rows = await store.query(raw(`SELECT ${columns} FROM ${dataset} ORDER BY 1`));
  await store.close();
  return { summary, rows };
}

const CONTACT =
  'interaction_id, started_at, closed_at, channel, workflow, agent_id, customer_id, path, queue_seconds, handle_seconds, abandoned, resolved, csat';

describe('shipped vendor mappings', () => {
  it('each names its source document and version in its description', async () => {
    for (const name of [
      'zendesk-tickets-json',
      'zendesk-tickets-csv',
      'salesforce-cases',
      'genesys-conversations',
      'workday-workers',
    ]) {
      const loaded = await loadMapping(`${REPO_ROOT}/mappings/${name}.yaml`);
      expect(loaded.ok && loaded.warnings, name).toEqual([]);
      expect(loaded.ok && loaded.value.description, name).toMatch(/20\d\d/);
    }
  });

  it('Zendesk full JSON export: channels from via, bot answers, first reply as wait, good/bad CSAT', async () => {
    const { summary, rows } = await imported(
      'interactions',
      'zendesk-tickets-json',
      'zendesk-tickets.json',
      CONTACT,
    );
    expect(summary).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
    expect(rows).toEqual([
      row(
        'zendesk-1001',
        '2026-03-02T09:15:00Z',
        '2026-03-02T11:00:00Z',
        'email',
        'question',
        '9001',
        '501',
        'human',
        720,
        null,
        false,
        true,
        5,
      ),
      row(
        'zendesk-1002',
        '2026-03-02T10:00:00Z',
        null,
        'messaging',
        'incident',
        '9002',
        '502',
        'human',
        180,
        null,
        false,
        false,
        null,
      ),
      row(
        'zendesk-1003',
        '2026-03-03T08:30:00Z',
        '2026-03-03T08:31:00Z',
        'email',
        'untyped',
        null,
        '503',
        'bot',
        null,
        null,
        false,
        true,
        1,
      ),
      row(
        'zendesk-1004',
        '2026-03-04T14:00:00Z',
        null,
        'voice',
        'problem',
        '9001',
        '504',
        'human',
        0,
        null,
        false,
        false,
        null,
      ),
    ]);
  });

  it('Zendesk CSV export gives the same contacts as its JSON export for the same tickets', async () => {
    const json = await imported('interactions', 'zendesk-tickets-json', 'zendesk-tickets.json', CONTACT);
    const csv = await imported('interactions', 'zendesk-tickets-csv', 'zendesk-tickets.csv', CONTACT);
    expect(csv.summary).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    // Lisbon is UTC in March (before the 29th): the local times are the same instants.
    expect(csv.rows).toEqual(json.rows.filter((r) => r.interaction_id !== 'zendesk-1003'));
  });

  it('Salesforce Cases report (ISO-8859-1, en_US dates with a comma, AM/PM)', async () => {
    const { summary, rows } = await imported(
      'interactions',
      'salesforce-cases',
      'salesforce-cases.csv',
      CONTACT,
    );
    expect(summary).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
    expect(rows).toEqual([
      row(
        'sfdc-00001001',
        '2026-03-02T14:15:00Z',
        '2026-03-02T15:05:00Z',
        'voice',
        'problem',
        'José García',
        'Renée Dubois',
        'human',
        null,
        null,
        false,
        true,
        null,
      ),
      row(
        'sfdc-00001002',
        '2026-03-02T18:40:00Z',
        null,
        'email',
        'question',
        'José García',
        'François Müller',
        'human',
        null,
        null,
        false,
        false,
        null,
      ),
      row(
        'sfdc-00001003',
        '2026-03-03T13:00:00Z',
        null,
        'email',
        'untyped',
        'Queue: Service',
        'Zoë Smith',
        'human',
        null,
        null,
        false,
        false,
        null,
      ),
      row(
        'sfdc-00001004',
        '2026-03-03T21:30:00Z',
        '2026-03-03T21:42:00Z',
        'chat',
        'question',
        'María López',
        'Zoë Smith',
        'human',
        null,
        null,
        false,
        true,
        null,
      ),
    ]);
  });

  it('Genesys Cloud conversation detail job results: participants, sessions and metrics in ms', async () => {
    const { summary, rows } = await imported(
      'interactions',
      'genesys-conversations',
      'genesys-conversations.json',
      CONTACT,
    );
    expect(summary).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    expect(rows).toEqual([
      row(
        'a1b2c3d4-0001-4000-8000-000000000001',
        '2026-03-02T09:15:00Z',
        '2026-03-02T09:21:30Z',
        'voice',
        'card_support',
        'u-0001-agent',
        'tel:+351210000001',
        'human',
        45,
        315,
        false,
        true,
        null,
      ),
      row(
        'a1b2c3d4-0002-4000-8000-000000000002',
        '2026-03-02T10:00:00Z',
        '2026-03-02T10:03:00Z',
        'messaging',
        'card_support',
        null,
        'whatsapp:+351910000002',
        'bot',
        180,
        null,
        true,
        false,
        null,
      ),
      row(
        'a1b2c3d4-0003-4000-8000-000000000003',
        '2026-03-03T08:00:00Z',
        '2026-03-03T08:01:10Z',
        'chat',
        'no_queue',
        null,
        null,
        'bot',
        null,
        null,
        false,
        false,
        null,
      ),
    ]);
  });

  it('Workday workers custom report: roles from job profiles, time zones by location, US dates', async () => {
    const { summary, rows } = await imported(
      'agents',
      'workday-workers',
      'workday-workers.csv',
      'agent_id, vendor, site, timezone, role, team_lead_id, hired_at, left_at',
    );
    expect(summary).toMatchObject({ read: 5, accepted: 5, rejected: 0 });
    expect(rows).toEqual([
      {
        agent_id: '21001',
        vendor: 'in_house',
        site: 'lisbon',
        timezone: 'Europe/Lisbon',
        role: 'agent',
        team_lead_id: '21010',
        hired_at: '2021-03-15',
        left_at: null,
      },
      {
        agent_id: '21002',
        vendor: 'in_house',
        site: 'lisbon',
        timezone: 'Europe/Lisbon',
        role: 'agent',
        team_lead_id: '21010',
        hired_at: '2022-11-02',
        left_at: '2026-02-28',
      },
      {
        agent_id: '21010',
        vendor: 'in_house',
        site: 'lisbon',
        timezone: 'Europe/Lisbon',
        role: 'team_lead',
        team_lead_id: '21050',
        hired_at: '2019-01-10',
        left_at: null,
      },
      {
        agent_id: '21050',
        vendor: 'in_house',
        site: 'lisbon',
        timezone: 'Europe/Lisbon',
        role: 'manager',
        team_lead_id: null,
        hired_at: '2015-05-05',
        left_at: null,
      },
      {
        agent_id: '31001',
        vendor: 'in_house',
        site: 'manila',
        timezone: 'Asia/Manila',
        role: 'qa',
        team_lead_id: '21050',
        hired_at: '2024-07-01',
        left_at: null,
      },
    ]);
  });
});

function row(...v: (string | number | boolean | null)[]) {
  const names = CONTACT.split(', ');
  return Object.fromEntries(names.map((name, i) => [name, v[i] ?? null]));
}
