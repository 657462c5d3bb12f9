// Dates and amounts as people in the office write them, via Intl in the chosen language.
// Dates from the core are partial: `2021-07-27`, `2021-07` or `2021`.
import type { Locale } from './i18n/index.svelte';

type Parsed = { year: number; month?: number; day?: number };

export function parsePartialDate(text: string): Parsed | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined) {
    const probe = new Date(Date.UTC(year, (month ?? 1) - 1, day));
    if (probe.getUTCDate() !== day) return null;
  }
  return { year, month, day };
}

/** "27 de julio de 2021" / "July 27, 2021"; a month alone reads "julio de 2021". */
export function formatDate(text: string, locale: Locale): string {
  const d = parsePartialDate(text);
  if (!d) return text;
  if (d.month === undefined) return String(d.year);
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    d.day === undefined
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** A start and an optional end date, joined the way the language does it, without repeating
 *  the shared month and year: "Del 3 al 5 de agosto de 2021", "De julio a diciembre de 2021",
 *  "August 3–5, 2021". */
export function formatDateRange(start: string, end: string | null | undefined, locale: Locale): string {
  if (!end || end === start) return formatDate(start, locale);
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  if (!a || !b) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
  const month = (m: number) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(a.year, m - 1, 1)));
  const days = a.day !== undefined && b.day !== undefined;
  if (locale === 'en') {
    if (!days || a.year !== b.year) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
    return a.month === b.month
      ? `${month(a.month!)} ${a.day}–${b.day}, ${a.year}`
      : `${month(a.month!)} ${a.day} – ${month(b.month!)} ${b.day}, ${a.year}`;
  }
  // "Del 3 …" before a day, "De julio …" before a month or a year; the same for "al" and "a".
  const from = a.day === undefined ? 'De' : 'Del';
  const to = b.day === undefined ? 'a' : 'al';
  const months = a.day === undefined && b.day === undefined && a.month !== undefined && b.month !== undefined;
  if (months && a.year === b.year) return `De ${month(a.month!)} a ${month(b.month!)} de ${a.year}`;
  if (!days || a.year !== b.year) return `${from} ${formatDate(start, locale)} ${to} ${formatDate(end, locale)}`;
  return a.month === b.month
    ? `Del ${a.day} al ${b.day} de ${month(a.month!)} de ${a.year}`
    : `Del ${a.day} de ${month(a.month!)} al ${b.day} de ${month(b.month!)} de ${a.year}`;
}

/** "$1,250.00 MXN", "$308,000.00 USD", "€19,500.00 EUR": symbol, digits and the ISO code. */
export function formatMoney(amount: string | number, currency: string, locale: Locale): string {
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  const formatted = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(value);
  return `${formatted} ${currency}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "640 bytes", "2.1 KiB", "150.0 MiB": a file's size as the core's messages say it. */
export function formatSize(bytes: number, locale: Locale): string {
  const one = (value: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${formatNumber(bytes, locale)} bytes`;
  if (bytes < 1024 * 1024) return `${one(bytes / 1024)} KiB`;
  return `${one(bytes / (1024 * 1024))} MiB`;
}

/** A moment stored as RFC 3339, shown with date and time. */
export function formatTimestamp(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
