// What the whole window shares once started: the profile, the kinds' field schemas and the
// vocabularies read from the core.
import { api } from './api';
import type { AppInfo } from './bindings/AppInfo';
import type { CountryRef } from './bindings/CountryRef';
import type { Currency } from './bindings/Currency';
import type { Axis } from './bindings/Axis';
import type { AxisSet } from './bindings/AxisSet';
import type { KindSchema } from './bindings/KindSchema';
import type { Profile } from './bindings/Profile';
import { i18n, pick, t, type Locale } from './i18n/index.svelte';
import type { MessageKey } from './i18n/es';
import { router } from './router.svelte';
import { toasts } from './toasts.svelte';

export const session = $state<{ info: AppInfo | null; schemas: KindSchema[]; axisSets: AxisSet[]; axes: Axis[]; countries: CountryRef[]; currencies: Currency[] }>({
  info: null,
  schemas: [],
  axisSets: [],
  axes: [],
  countries: [],
  currencies: [],
});

export async function loadSession(): Promise<void> {
  const [info, schemas, countries, currencies] = await Promise.all([api.appInfo(), api.kindSchemas(), api.listCountries(), api.listCurrencies()]);
  session.info = info;
  session.schemas = schemas;
  session.countries = countries;
  session.currencies = currencies;
  if (info.profile) i18n.locale = info.profile.locale === 'en' ? 'en' : 'es-MX';
  if (info.profile && !info.locked) await loadAxes();
}

/** Locks the window: the core closes the database and forgets its passphrase, the screens
 * holding records are taken down (the app shows only its lock screen) and so are the notices,
 * which name records. */
export async function lockWindow(): Promise<void> {
  await api.lock();
  toasts.items = [];
  session.axisSets = [];
  session.axes = [];
  router.go({ screen: 'activities' });
  if (session.info) session.info.locked = true;
}

/** Opens the database with the passphrase typed; a wrong one is the core's error. */
export async function unlockWindow(passphrase: string): Promise<void> {
  await api.unlock(passphrase);
  session.info = await api.appInfo();
  await loadAxes();
}

/** Reads the axis sets from the core. */
export async function loadAxes(): Promise<void> {
  setAxisSets(await api.listAxisSets());
}

/** Keeps the sets as the core answered them; `session.axes` lists every axis of every set
 *  (filters and reports name archived axes too), the active set's first. */
export function setAxisSets(sets: AxisSet[]): void {
  session.axisSets = sets;
  session.axes = sets.flatMap((s) => s.axes);
}

/** The axes the form offers (the core says which: the active set's, not archived), in order. */
export function axisChoices(): Axis[] {
  return session.axes.filter((a) => a.offered);
}

export async function saveProfile(profile: Profile): Promise<void> {
  await api.saveProfile(profile);
  if (session.info) session.info.profile = profile;
}

/** Switches the language now and remembers it for the next start. */
export async function switchLocale(locale: Locale): Promise<void> {
  i18n.locale = locale;
  const profile = session.info?.profile;
  if (profile && profile.locale !== locale) await saveProfile({ ...profile, locale });
}

export function schemaOf(kind: string): KindSchema | undefined {
  return session.schemas.find((s) => s.kind === kind);
}

/** Labels of the record's general fields, by their interchange key. */
const GENERAL_FIELDS: Record<string, MessageKey> = {
  kind: 'form.kind', status: 'form.status', title: 'form.title', start_date: 'form.startDate', end_date: 'form.endDate',
  start_time: 'form.startTime', end_time: 'form.endTime', modality: 'form.modality', place: 'form.place',
  date_text: 'form.dateText', countries: 'form.countries', axis: 'form.axis', topics: 'form.topics',
  summary: 'form.summary', outcomes: 'form.outcomes', organisations: 'form.organisations', people: 'form.people',
  follow_ups: 'form.followUps', attachments: 'detail.attachments',
  // An attachment's report mark (the history of a `mark`).
  in_report: 'detail.inReport', caption: 'detail.caption', credit: 'detail.credit',
  // A stored record names its dates `start` and `end`.
  start: 'form.startDate', end: 'form.endDate',
};

/** A field of an activity of `kind` as a person names it ("Fecha de inicio", "Monto otorgado"),
 *  from its interchange key or path (`start_date`, `details.amount`, `follow_ups[0].due`). */
export function fieldLabel(field: string, kind: string): string {
  const key = field.replace(/\[\d+\].*$/, '');
  const general = GENERAL_FIELDS[key];
  if (general) return t(general);
  const schema = schemaOf(kind);
  if (key === 'details') return t('form.details', { kind: kindLabel(kind) });
  const detail = schema?.fields.find((f) => `details.${f.key}` === key);
  return detail ? pick({ es: detail.label_es, en: detail.label_en }) : key;
}

export function kindLabel(kind: string): string {
  const s = schemaOf(kind);
  return s ? pick({ es: s.label_es, en: s.label_en }) : kind;
}

/** A country's name in the current language, from its ISO code. */
export function countryName(code: string): string {
  const c = session.countries.find((x) => x.code === code);
  return c ? pick({ es: c.name_es, en: c.name_en }) : code;
}

/** The ISO code of a country named as the form shows it (in either language), or the name as
 *  typed, for the core to resolve or report. */
export function countryCode(name: string): string {
  return session.countries.find((c) => c.name_es === name || c.name_en === name)?.code ?? name;
}

/** Names offered while typing a country: both languages, so "Peru" finds "Perú". */
export function countryOptions(): string[] {
  return session.countries.map((c) => pick({ es: c.name_es, en: c.name_en }));
}
