/**
 * WFM plan and actuals per agent and working day: the schedule (work blocks, breaks, a
 * weekly meeting, coaching, the odd training), the states that mostly follow it (late
 * logins, break overruns, unplanned offline time, absences: adherence ~0.85-0.95), the
 * coaching sessions held and the day's logins. One pass per agent keeps each agent's
 * intervals in order, so none overlap.
 */
import type { Calendar } from './calendar.js';
import { tsText, weekday } from './clock.js';
import { coachOf, type Session } from './coaching.js';
import type { CsvWriter } from './csv-writer.js';
import { hashUnit, Rng } from './prng.js';
import type { Roster } from './roster.js';
import type { AccessLog } from './security.js';
import { VENDORS } from './setting.js';
import { DOWN, INDUCTION, OFF, SHIFT_MINUTES, type Shifts, WORK } from './shifts.js';
import { VENDOR_STORY } from './story.js';
import { daily } from './timeline.js';

const W = 0;
const B = 1;
const TRAIN = 2;
const COACH = 3;
const MEET = 4;
const ACTIVITY = ['work', 'break', 'training', 'coaching', 'meeting'];
/** The day's skeleton in minutes after shift start: four work blocks, two breaks and lunch. */
const BLOCKS: readonly (readonly [number, number, number])[] = [
  [0, 120, W],
  [120, 135, B],
  [135, 255, W],
  [255, 285, B],
  [285, 405, W],
  [405, 420, B],
  [420, SHIFT_MINUTES, W],
];

export interface WorkforceDeps {
  cal: Calendar;
  roster: Roster;
  shifts: Shifts;
  plan: Map<number, Session[]>;
  access: AccessLog;
  schedules: CsvWriter;
  states: CsvWriter;
  sessions: CsvWriter;
  seed: number;
  afterAgent: () => Promise<void>;
}

export async function generateWorkforce(deps: WorkforceDeps): Promise<void> {
  const { cal, roster, shifts, plan, access, schedules, states, seed } = deps;
  const rng = new Rng(seed, 606);
  const per = (k: 'breakOverrun' | 'offlineChunk') =>
    VENDORS.map((v) => daily(VENDOR_STORY[v][k], cal.first, cal.days));
  const overrun = per('breakOverrun');
  const offline = per('offlineChunk');
  const segS: number[] = [];
  const segE: number[] = [];
  const segA: number[] = [];
  let sessionId = 0;

  for (const a of roster.staff) {
    if (a.role !== 'agent') continue;
    const zone = cal.zones[a.site]!;
    const v = VENDORS.indexOf(a.vendor);
    const own = plan.get(a.idx) ?? [];
    let next = 0;
    let lastSec = -1;
    let lastText = '';
    const ts = (day: number, local: number): string => {
      const sec = zone.utc(day, local);
      if (sec !== lastSec) {
        lastSec = sec;
        lastText = tsText(sec);
      }
      return lastText;
    };
    const state = (day: number, name: string, from: number, to: number): void => {
      if (to > from) states.line(`${a.id},${name},${ts(day, from)},${ts(day, to)}\n`);
    };
    // Within a work block: stretches of contacts, wrap-up and waiting (occupancy ~0.8).
    const cycles = (day: number, from: number, to: number): void => {
      let cur = from;
      while (cur < to) {
        const avail = Math.min(to, cur + 120 + rng.int(780));
        state(day, 'available', cur, avail);
        const call = Math.min(to, avail + 1200 + rng.int(1800));
        state(day, 'on_contact', avail, call);
        cur = Math.min(to, call + 180 + rng.int(300));
        state(day, 'after_contact_work', call, cur);
      }
    };
    const from = Math.max(a.hired, cal.first);
    const to = Math.min(a.left, cal.last);
    for (let day = from; day <= to; day++) {
      const st = shifts.status(a, day);
      if (st === OFF) continue;
      const di = day - cal.first;
      const start = shifts.start(a, day);
      while (next < own.length && own[next]!.day < day) next++;
      const session = own[next]?.day === day && st === WORK ? own[next] : undefined;
      const coachMin = session && session.mode !== 'async' ? session.minutes : 0;
      const training = st === INDUCTION || hashUnit(seed, a.key, day, 77) < 1 / 60;
      const meeting = weekday(day) === 2;
      segS.length = 0;
      segE.length = 0;
      segA.length = 0;
      const add = (s: number, e: number, act: number): void => {
        segS.push(start + s);
        segE.push(start + e);
        segA.push(act);
      };
      BLOCKS.forEach(([s, e, act], i) => {
        if (act !== W) add(s, e, act);
        else if (st === INDUCTION || (i === 0 && training)) add(s, e, TRAIN);
        else if (i === 2 && meeting) {
          add(s, s + 30, MEET);
          add(s + 30, e, W);
        } else if (i === 4 && coachMin > 0) {
          add(s, s + 15, W);
          add(s + 15, s + 15 + coachMin, COACH);
          add(s + 15 + coachMin, e, W);
        } else add(s, e, act);
      });
      for (let i = 0; i < segA.length; i++) {
        schedules.line(`${a.id},${ACTIVITY[segA[i]!]},${ts(day, segS[i]! * 60)},${ts(day, segE[i]! * 60)}\n`);
      }
      if (st === DOWN) {
        state(day, 'offline', start * 60, (start + SHIFT_MINUTES) * 60);
        continue;
      }
      if (st !== WORK && st !== INDUCTION) continue;
      // Actuals: the login drifts, breaks start early or run over, people drop offline.
      let cur = start * 60 + (rng.next() < 0.12 ? 60 + rng.int(540) : -rng.int(300));
      access.login(a, day, zone.utc(day, cur - 30 - rng.int(210)));
      if (rng.next() < 0.25) access.login(a, day, zone.utc(day, (start + 285) * 60 + rng.int(600) - 300));
      const n = segA.length;
      for (let i = 0; i < n; i++) {
        const act = segA[i]!;
        const end = segE[i]! * 60;
        let stop: number;
        if (i === n - 1) stop = end + (rng.next() < 0.1 ? -120 - rng.int(780) : rng.int(300));
        else if (act === B) stop = end + (rng.next() < overrun[v]![di]! ? 60 + rng.int(420) : -rng.int(60));
        else if (act === W)
          stop = end + (segA[i + 1] === B && rng.next() < 0.3 ? -rng.int(150) : rng.int(60) - 30);
        else stop = end + rng.int(180) - 60;
        if (stop <= cur + 30) continue;
        if (act !== W) state(day, ACTIVITY[act]!, cur, stop);
        else if (rng.next() < offline[v]![di]! / 2 && stop - cur > 1800) {
          const off = cur + Math.round((stop - cur) * rng.range(0.2, 0.7));
          const back = Math.min(stop, off + 300 + rng.int(1200));
          cycles(day, cur, off);
          state(day, 'offline', off, back);
          cycles(day, back, stop);
        } else cycles(day, cur, stop);
        cur = stop;
      }
      if (session) {
        const held = session.mode === 'async' ? (start + 420) * 60 + rng.int(1800) : (start + 300) * 60;
        const coach = coachOf(roster, a, day);
        deps.sessions.line(
          `CS${++sessionId},${a.id},${coach.id},${ts(day, held)},${session.mode},${session.minutes}\n`,
        );
      }
    }
    await deps.afterAgent();
  }
}
