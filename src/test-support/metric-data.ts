import type { DatasetName } from '../core/dataset/types.js';
import { interactionsCsv } from '../query/test-data.js';

/**
 * Hand-built data of the metric tests (src/query/*-metrics.test.ts), shared with the store
 * conformance suite (src/store/conformance) so every store answers the same on it.
 */

/**
 * OPERATIONS_DATA: remote operations metrics over hand-built data, March 2026 in Europe/Lisbon: the period
 * is [2026-03-01T00:00Z, 2026-03-31T23:00Z) because Lisbon moves from UTC+0 to UTC+1 at
 * 2026-03-29T01:00Z, so its 1 April midnight is 23:00Z on 31 March.
 */

export const OPERATIONS_DATA: Partial<Record<DatasetName, string[]>> = {
  agents: [
    'agent_id,vendor,site,timezone,role,team_lead_id,critical_role,hired_at,left_at',
    'a1,brightpath,lisbon,Europe/Lisbon,agent,,false,2025-01-01,',
    'a2,brightpath,manila,Asia/Manila,agent,,false,2025-06-01,',
    // hired mid-period: not in the first coaching window nor the start headcount
    'a3,brightpath,lisbon,Europe/Lisbon,agent,,,2026-03-10,',
    // leaves on 20 March: in the first coaching window only; a leaver
    'a4,brightpath,manila,Asia/Manila,agent,,,2024-01-01,2026-03-20',
    // last day 31 March: a leaver, in the start headcount, not in the end headcount
    'a5,brightpath,lisbon,Europe/Lisbon,agent,,,2024-01-01,2026-03-31',
    'a6,brightpath,lisbon,Europe/Lisbon,agent,,,2026-04-05,',
    'a7,brightpath,manila,Asia/Manila,agent,,,2025-01-01,2026-02-28',
    't1,brightpath,lisbon,Europe/Lisbon,team_lead,,,2020-01-01,',
    'o1,otherco,porto,Europe/Lisbon,agent,,,2025-01-01,',
  ],
  schedules: [
    'agent_id,activity,start,end',
    // a1, Monday 2 March (Lisbon = UTC): 240 min work + 30 min break
    'a1,work,2026-03-02T08:00:00Z,2026-03-02T12:00:00Z',
    'a1,break,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z',
    // a1 across the DST change: 00:30 WET to 03:30 WEST is 120 elapsed minutes
    'a1,training,2026-03-29T00:30:00+00:00,2026-03-29T03:30:00+01:00',
    // a2 across midnight: 240 min
    'a2,work,2026-03-10T22:00:00Z,2026-03-11T02:00:00Z',
    // a4 across the period start: clipped to 00:00-02:00 = 120 min
    'a4,work,2026-02-28T22:00:00Z,2026-03-01T02:00:00Z',
    // a5 across the period end (23:00Z): clipped to 21:00-23:00 = 120 min
    'a5,work,2026-03-31T21:00:00Z,2026-04-01T01:00:00Z',
    // outside the period
    'a1,work,2026-04-02T08:00:00Z,2026-04-02T12:00:00Z',
    // another vendor: 60 min, all matched
    'o1,work,2026-03-03T09:00:00Z,2026-03-03T10:00:00Z',
  ],
  agent_states: [
    'agent_id,state,start,end',
    'a1,available,2026-03-02T08:05:00Z,2026-03-02T10:00:00Z',
    'a1,on_contact,2026-03-02T10:00:00Z,2026-03-02T11:50:00Z',
    'a1,break,2026-03-02T11:50:00Z,2026-03-02T12:30:00Z',
    // unscheduled: counts for conformance and occupancy, not adherence
    'a1,available,2026-03-02T13:00:00Z,2026-03-02T13:30:00Z',
    'a1,training,2026-03-29T00:30:00Z,2026-03-29T01:30:00Z',
    'a1,meeting,2026-03-29T01:30:00Z,2026-03-29T02:30:00Z',
    'a2,available,2026-03-10T21:50:00Z,2026-03-10T23:00:00Z',
    'a2,on_contact,2026-03-10T23:00:00Z,2026-03-11T00:30:00Z',
    'a2,offline,2026-03-11T00:30:00Z,2026-03-11T01:00:00Z',
    'a2,after_contact_work,2026-03-11T01:00:00Z,2026-03-11T02:15:00Z',
    'a4,on_contact,2026-02-28T21:00:00Z,2026-03-01T01:00:00Z',
    'a4,break,2026-03-01T01:00:00Z,2026-03-01T02:00:00Z',
    'a5,available,2026-03-31T21:00:00Z,2026-04-01T01:00:00Z',
    'a1,available,2026-04-02T08:00:00Z,2026-04-02T12:00:00Z',
    'o1,available,2026-03-03T09:00:00Z,2026-03-03T10:00:00Z',
  ],
  coaching_sessions: [
    'session_id,agent_id,coach_id,held_at,mode,minutes',
    's1,a1,t1,2026-03-05T10:00:00Z,video,30',
    // the second window's first instant
    's2,a1,t1,2026-03-15T00:00:00Z,in_person,30',
    's3,a2,t1,2026-03-20T09:00:00Z,async,20',
    // a3 was not employed for all of window 1; window 3 (29 Mar - 11 Apr) is not full
    's4,a3,t1,2026-03-12T09:00:00Z,video,30',
    's5,a3,t1,2026-03-29T09:00:00Z,video,30',
    's6,a4,t1,2026-03-02T09:00:00Z,video,30',
    // the period's first instant
    's7,a5,t1,2026-03-01T00:00:00Z,async,15',
    's8,o1,t1,2026-03-02T09:00:00Z,video,30',
  ],
  vacancies: [
    'vacancy_id,vendor,site,role,critical_role,opened_at,filled_at',
    'v1,brightpath,lisbon,agent,true,2026-02-10,2026-03-05', // filled in March: 23 days
    'v2,brightpath,manila,agent,true,2026-03-02,2026-03-12', // 10 days
    'v3,brightpath,lisbon,team_lead,true,2026-03-03,2026-03-30', // 27 days
    'v4,brightpath,manila,agent,false,2026-03-01,2026-03-04', // not critical
    'v5,brightpath,lisbon,agent,true,2026-03-20,', // open, deadline 10 April
    'v6,brightpath,manila,agent,true,2026-03-05,', // open, deadline 26 March
    'v7,brightpath,lisbon,agent,true,2026-03-25,2026-04-20', // 26 days, deadline 15 April
    'v8,otherco,porto,agent,true,2026-03-10,2026-03-15', // 5 days
  ],
};

/**
 * SECURITY_DATA: security metrics over hand-built data, March 2026 in Europe/Lisbon: the period is
 * [2026-03-01T00:00Z, 2026-03-31T23:00Z) (Lisbon is UTC+1 from 29 March).
 * Default limits: sev1 acknowledge 15m / resolve 4h, sev2 1h / 24h; sev3 has none.
 */

export const SECURITY_DATA: Partial<Record<DatasetName, string[]>> = {
  agents: [
    'agent_id,vendor,site,timezone,role,team_lead_id,critical_role,hired_at,left_at',
    'a1,brightpath,lisbon,Europe/Lisbon,agent,,,2025-01-01,',
    'a2,brightpath,manila,Asia/Manila,agent,,,2025-01-01,',
    'a4,brightpath,manila,Asia/Manila,agent,,,2025-01-01,',
    'a5,brightpath,lisbon,Europe/Lisbon,agent,,,2025-01-01,',
    'o1,otherco,porto,Europe/Lisbon,agent,,,2025-01-01,',
  ],
  access_events: [
    'event_id,agent_id,at,country,mfa,device_compliant,network',
    'e1,a1,2026-03-02T08:00:00Z,PT,true,true,corporate', // compliant
    'e2,a1,2026-03-03T08:00:00Z,PT,false,true,vpn', // no MFA
    'e3,a2,2026-03-04T01:00:00Z,PH,true,true,corporate', // compliant
    'e4,a2,2026-03-05T01:00:00Z,SG,yes,yes,public', // compliant unless countries are limited
    'e5,a4,2026-03-06T01:00:00Z,ph,true,false,vpn', // non-compliant device
    'e6,a5,2026-03-31T23:30:00Z,PT,true,true,corporate', // 1 April 00:30 in Lisbon: after the period
    'e7,o1,2026-03-07T08:00:00Z,PT,false,false,public', // another vendor
    'e8,zz,2026-03-08T08:00:00Z,PT,true,true,corporate', // not in the roster: out of any scope
  ],
  incidents: [
    'incident_id,vendor,site,category,severity,opened_at,acknowledged_at,resolved_at',
    // sev1 acknowledged in 10m, resolved in 3h: both in time
    'i1,brightpath,lisbon,security,sev1,2026-03-03T10:00:00Z,2026-03-03T10:10:00Z,2026-03-03T13:00:00Z',
    // sev1 acknowledged late (20m), resolved late (6h)
    'i2,brightpath,lisbon,outage,sev1,2026-03-05T10:00:00Z,2026-03-05T10:20:00Z,2026-03-05T16:00:00Z',
    // sev2 acknowledged in 45m, resolved after 25h (late)
    'i3,brightpath,manila,data,sev2,2026-03-10T08:00:00Z,2026-03-10T08:45:00Z,2026-03-11T09:00:00Z',
    // sev3: no limit, never counted
    'i4,brightpath,manila,access,sev3,2026-03-12T08:00:00Z,2026-03-14T08:00:00Z,',
    // sev2 opened 30 min before the period ends, never acknowledged nor resolved:
    // acknowledge deadline 23:30Z, resolve deadline 1 April 22:30Z
    'i5,brightpath,manila,security,sev2,2026-03-31T22:30:00Z,,',
    // 1 April 00:10 in Lisbon: next period
    'i6,brightpath,lisbon,security,sev1,2026-03-31T23:10:00Z,2026-03-31T23:11:00Z,2026-03-31T23:50:00Z',
    // 28 February: previous period
    'i7,brightpath,lisbon,security,sev1,2026-02-28T23:50:00Z,2026-03-01T01:00:00Z,2026-03-01T09:00:00Z',
    // exactly at the limits (15m, 4h): in time
    'i9,brightpath,lisbon,security,sev1,2026-03-20T10:00:00Z,2026-03-20T10:15:00+00:00,2026-03-20T14:00:00Z',
    'i8,otherco,porto,security,sev1,2026-03-04T00:00:00Z,2026-03-04T00:30:00Z,2026-03-04T01:00:00Z',
  ],
};

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders x 12 units, '*' missing. */
export const QA_MATRIX: Record<string, (number | null)[]> = {
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
};

/** QA units u1-u12 as March 2026 contacts: 1-6 at Lisbon, 7-12 at Manila. */
export function qaUnitsCsv(): string {
  const units = Array.from({ length: 12 }, (_, i) => ({
    id: `u${i + 1}`,
    at: `2026-03-${String(i + 2).padStart(2, '0')}T10:00:00Z`,
    site: i < 6 ? 'lisbon' : 'manila',
  }));
  return interactionsCsv(units);
}

/** The matrix as calibration reviews, an earlier draft review, and three ordinary reviews (80, 90, 100). */
export function qaReviewsCsv(): string {
  const reviews = ['review_id,interaction_id,reviewer_id,reviewed_at,score,calibration'];
  for (const [coder, values] of Object.entries(QA_MATRIX)) {
    values.forEach((value, i) => {
      if (value !== null)
        reviews.push(`${coder}${i + 1},u${i + 1},${coder},2026-03-20T10:00:00Z,${value},true`);
    });
  }
  // An earlier calibration review by A of unit 1 that the later one (value 1) supersedes.
  reviews.push('A1-draft,u1,A,2026-03-19T10:00:00Z,5,true');
  // Ordinary reviews for qa_score: 80, 90, 100 at Lisbon.
  reviews.push(
    'q1,u1,E,2026-03-21T10:00:00Z,80,false',
    'q2,u2,E,2026-03-21T10:00:00Z,90,false',
    'q3,u3,E,2026-03-21T10:00:00Z,100,',
  );
  return reviews.join('\n');
}

const CONTRACT_WORKFLOWS = [
  'card_dispute',
  'chargeback',
  'account_onboarding',
  'kyc_review',
  'password_reset',
  'general_inquiry',
];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Contacts for settling and recalibrating contracts/northwind-brightpath-2026.yaml, every
 * value a function of the row number k: 4 a day in 2025-Q4 (the fcr baseline), 10 a day
 * in 2026-Q1 and 14 a day in 2026-Q2 (volume up 40%: the contacts trigger fires), on its
 * six workflows, one contact in ten by coastline. About 2,500 rows.
 */
export function contractDataCsv(): { interactions: string; customers: string } {
  const header =
    'interaction_id,started_at,channel,workflow,vendor,site,customer_id,path,queue_seconds,handle_seconds,abandoned,resolved,csat,error';
  const lines = [header];
  let k = 0;
  const start = Date.UTC(2025, 9, 1);
  for (let day = 0; day < 273; day += 1) {
    const date = new Date(start + day * 86_400_000);
    const perDay =
      date < new Date(Date.UTC(2026, 0, 1)) ? 4 : date < new Date(Date.UTC(2026, 3, 1)) ? 10 : 14;
    for (let j = 0; j < perDay; j += 1, k += 1) {
      const minutes = 8 * 60 + j * 50;
      const at = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00Z`;
      const workflow = CONTRACT_WORKFLOWS[k % 6] as string;
      const simple = workflow === 'password_reset' || workflow === 'general_inquiry';
      const path = simple ? (['bot', 'bot_to_human', 'human'][k % 3] as string) : 'human';
      // One contact in eleven comes back from the customer of six rows before (same workflow).
      const customer = `c${(k % 11 === 0 && k >= 6 ? k - 6 : k) % 300}`;
      const abandoned = path !== 'bot' && k % 23 === 0;
      const csat = abandoned || k % 3 === 2 ? '' : String(k % 13 < 2 ? 3 - (k % 13) : 4 + (k % 2));
      lines.push(
        [
          `s${k}`,
          at,
          ['voice', 'chat', 'email', 'messaging'][(k >> 1) % 4],
          workflow,
          k % 10 === 9 ? 'coastline' : 'brightpath',
          ['lisbon', 'manila', 'krakow'][k % 3],
          customer,
          path,
          path === 'bot' ? '' : String((k * 7) % 60),
          path === 'bot' ? '' : String(120 + ((k * 37) % 400)),
          String(abandoned),
          String(!abandoned && k % 5 !== 0),
          csat,
          String(k % 29 === 0),
        ].join(','),
      );
    }
  }
  const customers = ['customer_id,since,churned_at,segment,monthly_value'];
  for (let c = 0; c < 300; c += 1) {
    customers.push(`c${c},2024-01-01,${c % 10 === 0 ? '2026-05-15' : ''},retail,20.00`);
  }
  return { interactions: lines.join('\n'), customers: customers.join('\n') };
}
