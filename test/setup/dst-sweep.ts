// Issue #15 item 8: reminders across every daylight-saving change of 2024–2030 in 20 time zones.
// For each change, four matches are made so that each kind of reminder (a week before the goal
// sheet is due, the day before, the day after, and the quiet-spell check) falls on the day the
// clocks change. Run in-process by the test and as a child process under other TZ settings, which
// must compute the very same schedule.
import { pathToFileURL } from 'node:url';
import { plannedReminders } from '../../src/features/reminders/reminder.rules.ts';
import type { PlannedReminder } from '../../src/features/reminders/reminder.rules.ts';

export const SWEEP_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Halifax',
  'America/St_Johns', // half-hour offset
  'America/Havana', // changes at midnight
  'America/Santiago', // southern hemisphere
  'Europe/London',
  'Europe/Dublin', // "negative" daylight saving in the tz database
  'Europe/Berlin',
  'Africa/Casablanca', // moves around Ramadan each year
  'Asia/Jerusalem',
  'Asia/Beirut', // changes at midnight
  'Australia/Sydney',
  'Australia/Lord_Howe', // a 30-minute change
  'Pacific/Auckland',
  'Pacific/Chatham', // +12:45 / +13:45
  'America/Sao_Paulo', // no daylight saving since 2019: a zone with no changes
] as const;

const SETTINGS = { goalSheetDeadlineDays: 30, quietAfterWeeks: 3, guaranteeWindowDays: 45 };
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, at: Date): { date: string; time: string; offset: string } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, offset: p.timeZoneName ?? '' };
}

/** Minutes east of UTC from "GMT+13:45" / "GMT-03:30" / "GMT". */
function offsetMinutes(text: string): number {
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(text);
  if (!m || !m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The local dates, 2024–2030, on which the zone's offset changes (read from Intl, not from the code under test). */
export function offsetChanges(zone: string): string[] {
  const out: string[] = [];
  let previous = partsIn(zone, new Date(Date.UTC(2023, 11, 31, 12))).offset;
  for (let t = Date.UTC(2024, 0, 1, 12); t <= Date.UTC(2030, 11, 31, 12); t += DAY_MS) {
    const offset = partsIn(zone, new Date(t)).offset;
    if (offset !== previous) {
      // The change happened in the 24 hours before this noon: find its local day by the hour.
      let at = t - DAY_MS;
      while (partsIn(zone, new Date(at)).offset === previous) at += 15 * 60_000;
      out.push(partsIn(zone, new Date(at)).date);
      previous = offset;
    }
  }
  return out;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Local noon of `date` in `zone`, as an instant. */
function localNoon(zone: string, date: string): Date {
  const guess = Date.parse(`${date}T12:00:00Z`);
  return new Date(guess - offsetMinutes(partsIn(zone, new Date(guess)).offset) * 60_000);
}

export interface SweepResult {
  zones: number;
  changes: number;
  matches: number;
  reminders: { zone: string; matchId: number; kind: string; dedupeKey: string; runAt: string }[];
  problems: string[];
}

/** How many days after the match day each kind goes out (the goal sheet is due 30 days after it). */
const DAYS_AFTER_MATCH: Record<string, number> = {
  'goal-sheet-due-7': 30 - 7,
  'goal-sheet-due-1': 30 - 1,
  'goal-sheet-overdue': 30 + 1,
  quiet: 21,
};
const EXPECTED_DAY: Record<string, (matchedOn: string) => string> = Object.fromEntries(
  Object.entries(DAYS_AFTER_MATCH).map(([kind, days]) => [kind, (m: string) => addDays(m, days)]),
);

export function dstSweep(): SweepResult {
  const reminders: SweepResult['reminders'] = [];
  const problems: string[] = [];
  let changes = 0;
  let matchId = 0;
  for (const zone of SWEEP_ZONES) {
    const days = offsetChanges(zone);
    changes += days.length;
    for (const day of days) {
      // The match days that put each kind of reminder on the day of the change.
      for (const [kind, back] of Object.entries(DAYS_AFTER_MATCH)) {
        const matchedOn = addDays(day, -back);
        const matchedAt = localNoon(zone, matchedOn);
        matchId += 1;
        const planned: PlannedReminder[] = plannedReminders(
          {
            matchId,
            matchedAt: matchedAt.toISOString(),
            matchStatus: 'active',
            periodStatus: 'active',
            programEndsOn: '2031-12-31',
            sheet: null,
            lastContactOn: null,
          },
          { ...SETTINGS, timeZone: zone },
          new Date(matchedAt.getTime() + 60 * 60_000),
        );
        const kinds = planned.map((r) => r.kind).sort();
        if (kinds.join() !== Object.keys(EXPECTED_DAY).sort().join())
          problems.push(`${zone} ${day} match ${matchId}: planned ${kinds.join()}`);
        if (new Set(planned.map((r) => r.dedupeKey)).size !== planned.length)
          problems.push(`${zone} ${day} match ${matchId}: a reminder twice`);
        for (const r of planned) {
          const local = partsIn(zone, new Date(r.runAt));
          const want = EXPECTED_DAY[r.kind]?.(matchedOn);
          if (local.time !== '09:00' || local.date !== want) {
            problems.push(`${zone} ${r.kind} for a change on ${day}: ${r.runAt} is ${local.date} ${local.time} there, not ${want} 09:00`);
          }
          if (r.kind === kind && local.date !== day) problems.push(`${zone} ${r.kind}: meant for ${day}, planned on ${local.date}`);
          reminders.push({ zone, matchId, kind: r.kind, dedupeKey: r.dedupeKey, runAt: r.runAt });
        }
      }
    }
  }
  return { zones: SWEEP_ZONES.length, changes, matches: matchId, reminders, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(
    JSON.stringify({ tz: process.env.TZ ?? null, offsetMinutes: new Date('2026-07-01T12:00:00Z').getTimezoneOffset(), sweep: dstSweep() }),
  );
}
