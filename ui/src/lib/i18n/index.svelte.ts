// The current language and the `t()` lookup. Reading `locale` inside `t()` makes every
// template that shows a message follow a language switch at once.
import { en } from './en';
import { es, type MessageKey } from './es';
import type { Lang } from '../bindings/Lang';

export type Locale = 'es-MX' | 'en';
export const LOCALES: readonly Locale[] = ['es-MX', 'en'];

const tables: Record<Locale, Record<MessageKey, string>> = { 'es-MX': es, en };

let current = $state<Locale>('es-MX');

export const i18n = {
  get locale(): Locale {
    return current;
  },
  /** The window's language as the core names it (documents, exports, date reading). */
  get lang(): Lang {
    return current === 'en' ? 'en' : 'es';
  },
  set locale(value: Locale) {
    current = value;
    if (typeof document !== 'undefined') document.documentElement.lang = value;
  },
};

/** The plural category of `n` in `locale` ('one', 'other', …), by the language's own rules. */
export function pluralCategory(n: number, locale: Locale = current): Intl.LDMLPluralRule {
  return new Intl.PluralRules(locale).select(n);
}

/**
 * Fills `{count, plural, one {# actividad} other {# actividades}}` with the form the language
 * uses for the number given as `count` (`#` is the number, formatted; `=0 {…}` matches exactly).
 * A count always comes through here, so no text reads "1 resultados".
 */
export function plural(text: string, params: Record<string, string | number | bigint>, locale: Locale = current): string {
  return text.replace(/\{(\w+), plural, ((?:[=\w]+ \{[^{}]*\}\s*)+)\}/g, (whole, name: string, body: string) => {
    if (!(name in params)) return whole;
    const n = Number(params[name]);
    const forms = new Map<string, string>();
    for (const [, selector, form] of body.matchAll(/([=\w]+) \{([^{}]*)\}/g)) forms.set(selector!, form!);
    const chosen = forms.get(`=${n}`) ?? forms.get(pluralCategory(n, locale)) ?? forms.get('other') ?? whole;
    return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(n));
  });
}

/**
 * The message `key` in the current language, with `{name}` placeholders filled in and
 * `{name, plural, …}` choosing the form for the number `name` (pass it as a number).
 */
export function t(key: MessageKey, params: Record<string, string | number | bigint> = {}): string {
  const text = plural(tables[current][key], params);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the Spanish or English text the core sends (labels, validation messages). */
export function pick(pair: { es: string; en: string }): string {
  return current === 'en' ? pair.en : pair.es;
}
