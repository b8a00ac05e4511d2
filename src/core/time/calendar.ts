/**
 * Civil-calendar arithmetic on `YYYY-MM-DD` strings through day numbers (days since
 * 1970-01-01). Pure integer maths (H. Hinnant's algorithms): no Date, no zone, so a
 * calendar date never shifts with the machine's zone and years below 100 stay literal.
 * Day numbers are also what SQL computes from UTC epochs plus an offset (see buckets.ts),
 * so one numbering labels both sides.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a valid `YYYY-MM-DD`, or undefined (2026-02-30 is not a date). */
export function parseDate(text: string): CivilDate | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export const isDate = (text: string): boolean => parseDate(text) !== undefined;

export const formatDate = ({ year, month, day }: CivilDate): string =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

function requireDate(text: string): CivilDate {
  const parts = parseDate(text);
  if (!parts) throw new RangeError(`"${text}" is not a calendar date: expected YYYY-MM-DD`);
  return parts;
}

/** Days since 1970-01-01 of a calendar date (negative before). */
export function dayNumberOf({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Days since 1970-01-01 of a local calendar date `YYYY-MM-DD`. */
export const localDayNumber = (date: string): number => dayNumberOf(requireDate(date));

export function civilOfDayNumber(dayNumber: number): CivilDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number ${dayNumber} is not an integer`);
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export const dateOfDayNumber = (dayNumber: number): string => formatDate(civilOfDayNumber(dayNumber));

export const addDays = (date: string, days: number): string => dateOfDayNumber(localDayNumber(date) + days);

/** Inclusive count of days from `start` to `end` (same date = 1). */
export const daysBetweenInclusive = (start: string, end: string): number =>
  localDayNumber(end) - localDayNumber(start) + 1;

/** Midnight UTC of the date in epoch ms: the date's wall clock read as if it were UTC. */
export const wallMsOfDate = (date: string): number => localDayNumber(date) * MS_PER_DAY;

/**
 * ISO weeks as one running number: floor((dayNumber + 3) / 7) counts Monday-based weeks
 * from Monday 1969-12-29 (day -3), because 1970-01-01 was a Thursday. Floor division:
 * SQL's integer division truncates toward zero, which agrees only from day -3 on.
 */
export const weekNumberOfDay = (dayNumber: number): number => Math.floor((dayNumber + 3) / 7);

/** Day number of the Monday that starts running week `weekNumber`. */
export const mondayDayNumberOfWeek = (weekNumber: number): number => weekNumber * 7 - 3;

/** `YYYY-MM-DD` of the Monday of running week `weekNumber` (labels SQL's week numbers). */
export const mondayOfWeekNumber = (weekNumber: number): string =>
  dateOfDayNumber(mondayDayNumberOfWeek(weekNumber));

/** ISO weekday, 1 = Monday .. 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const n = localDayNumber(date);
  return n + 3 - weekNumberOfDay(n) * 7 + 1;
};

/** The Monday of the ISO week containing `date`. */
export const mondayOf = (date: string): string => mondayOfWeekNumber(weekNumberOfDay(localDayNumber(date)));

/** ISO week-numbering year and week of a date: the week belongs to the year of its Thursday. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = mondayDayNumberOfWeek(weekNumberOfDay(localDayNumber(date))) + 3;
  const year = civilOfDayNumber(thursday).year;
  const jan1 = dayNumberOf({ year, month: 1, day: 1 });
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** Monday of ISO week 1 of `isoYear`: the week that holds 4 January. */
export const firstMondayOfIsoYear = (isoYear: number): string =>
  mondayOf(formatDate({ year: isoYear, month: 1, day: 4 }));

/** 53 when 1 January is a Thursday, or a Wednesday in a leap year; otherwise 52. */
export function isoWeeksInYear(isoYear: number): number {
  const jan1 = isoWeekday(formatDate({ year: isoYear, month: 1, day: 1 }));
  return jan1 === 4 || (jan1 === 3 && isLeapYear(isoYear)) ? 53 : 52;
}
