// The current language and the `t()` lookup. Reading `locale` inside `t()` makes every
// template that shows a message follow a language switch at once.
import { en } from './en';
import { es, type MessageKey } from './es';

export type Locale = 'es-MX' | 'en';
export const LOCALES: readonly Locale[] = ['es-MX', 'en'];

const tables: Record<Locale, Record<MessageKey, string>> = { 'es-MX': es, en };

let current = $state<Locale>('es-MX');

export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(value: Locale) {
    current = value;
    if (typeof document !== 'undefined') document.documentElement.lang = value;
  },
};

/** The message `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = tables[current][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the Spanish or English text the core sends (labels, validation messages). */
export function pick(pair: { es: string; en: string }): string {
  return current === 'en' ? pair.en : pair.es;
}
