// How a date field shows a day it holds: the window's own figures, day first in Spanish
// ("27/07/2021") and month first in English ("07/27/2021"), as the core reads them back.
import type { Lang } from '../../bindings/Lang';

export function shownDay(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return lang === 'en' ? `${mo}/${d}/${y}` : `${d}/${mo}/${y}`;
}

export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A local date from an ISO day, or undefined. */
export function dayOf(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

export const localeTag = (lang: Lang) => (lang === 'en' ? 'en-US' : 'es-MX');

/** The day a week starts on (0 Sunday, 1 Monday): Monday in Mexico, Sunday in the United States. */
export const weekStart = (lang: Lang): 0 | 1 => (lang === 'en' ? 0 : 1);

/** The weeks of a month as rows of seven days (null outside the month). */
export function monthWeeks(year: number, month: number, firstWeekday: 0 | 1): (Date | null)[][] {
  const first = new Date(year, month, 1);
  const offset = (first.getDay() + 7 - firstWeekday) % 7;
  const days = new Date(year, month + 1, 0).getDate();
  const cells: (Date | null)[] = Array.from({ length: offset }, () => null);
  for (let d = 1; d <= days; d++) cells.push(new Date(year, month, d));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Short weekday names in the order the month's rows use. */
export function weekdayNames(lang: Lang): { short: string; long: string }[] {
  const start = weekStart(lang);
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(2023, 0, 1 + ((start + i) % 7));
    const fmt = (weekday: 'short' | 'long') => new Intl.DateTimeFormat(localeTag(lang), { weekday }).format(day);
    return { short: fmt('short'), long: fmt('long') };
  });
}
