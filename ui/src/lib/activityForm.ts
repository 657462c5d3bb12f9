// The activity form's model: what the person types, kept as text, and its conversion to the
// core's `ActivityInput`. Typed detail fields (numbers, dates) are checked here first because
// a value of the wrong JSON type would be refused before the core could name the field.
import type { Activity } from './bindings/Activity';
import type { ActivityInput } from './bindings/ActivityInput';
import type { DetailField } from './bindings/DetailField';
import type { Details } from './bindings/Details';
import type { FieldError } from './bindings/FieldError';
import { parsePartialDate } from './format';

export type FormModel = {
  id: string | null;
  kind: string;
  title: string;
  start_date: string;
  end_date: string;
  modality: string;
  place: string;
  countries: string[];
  organisations: string[];
  people: string[];
  axis: string;
  topics: string;
  summary: string;
  outcomes: string;
  status: string;
  /** Every detail as text; list fields one item per line. */
  details: Record<string, string>;
};

export function emptyModel(kind = 'meeting'): FormModel {
  return {
    id: null, kind, title: '', start_date: '', end_date: '', modality: '', place: '',
    countries: [], organisations: [], people: [], axis: '', topics: '', summary: '', outcomes: '',
    status: 'done', details: {},
  };
}

function detailsAsText(details: Details): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? value.join('\n') : String(value);
  }
  return out;
}

export function modelFromActivity(a: Activity, countryName: (code: string) => string): FormModel {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    start_date: a.start,
    end_date: a.end ?? '',
    modality: a.modality ?? '',
    place: a.place ?? '',
    countries: a.countries.map(countryName),
    organisations: a.organisations.map((o) => o.name),
    people: a.people.map((p) => p.name),
    axis: a.axis ?? '',
    topics: a.topics.join(', '),
    summary: a.summary ?? '',
    outcomes: a.outcomes ?? '',
    status: a.status,
    details: detailsAsText(a.details),
  };
}

/** The name of an organisation or person as an import names it: plain, or with its role. */
export function mentionName(mention: string | { name: string }): string {
  return typeof mention === 'string' ? mention : mention.name;
}

/** A proposed activity (read from report text) as the form shows it, to review before saving.
 *  The core leaves empty lists out of an input, whatever its binding says. */
export function modelFromInput(input: ActivityInput, countryName: (code: string) => string): FormModel {
  return {
    ...emptyModel(input.kind || 'other'),
    title: input.title,
    start_date: input.start_date,
    end_date: input.end_date ?? '',
    modality: input.modality ?? '',
    place: input.place ?? '',
    countries: (input.countries ?? []).map(countryName),
    organisations: (input.organisations ?? []).map(mentionName),
    people: (input.people ?? []).map(mentionName),
    axis: input.axis ?? '',
    topics: (input.topics ?? []).join(', '),
    summary: input.summary ?? '',
    outcomes: input.outcomes ?? '',
    status: input.status ?? 'done',
    details: detailsAsText(input.details ?? {}),
  };
}

const opt = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

const NUMBER_ERRORS = {
  integer: { es: 'Escriba un número entero, por ejemplo 25.', en: 'Enter a whole number, e.g. 25.' },
  decimal: { es: 'Escriba una cantidad, por ejemplo 20000 o 1250.50.', en: 'Enter an amount, e.g. 20000 or 1250.50.' },
  date: { es: 'Escriba la fecha como AAAA-MM-DD, AAAA-MM o AAAA.', en: 'Write the date as YYYY-MM-DD, YYYY-MM or YYYY.' },
};

/** The form as the core's input, plus the problems found before sending it. */
export function toInput(model: FormModel, fields: readonly DetailField[]): { input: ActivityInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const details: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = (model.details[f.key] ?? '').trim();
    if (raw === '') continue;
    const fail = (m: { es: string; en: string }) => errors.push({ field: `details.${f.key}`, message_es: m.es, message_en: m.en });
    switch (f.field_type) {
      case 'integer':
        if (/^\d+$/.test(raw)) details[f.key] = Number(raw);
        else fail(NUMBER_ERRORS.integer);
        break;
      case 'decimal': {
        const normal = raw.replace(/[,\s$]/g, '');
        if (/^\d+(\.\d+)?$/.test(normal)) details[f.key] = normal;
        else fail(NUMBER_ERRORS.decimal);
        break;
      }
      case 'date':
        if (parsePartialDate(raw)) details[f.key] = raw;
        else fail(NUMBER_ERRORS.date);
        break;
      case 'list':
        details[f.key] = raw.split('\n').map((s) => s.trim()).filter(Boolean);
        break;
      case 'currency':
        details[f.key] = raw.toUpperCase();
        break;
      default:
        details[f.key] = raw;
    }
  }
  const input: ActivityInput = {
    id: model.id ?? undefined,
    kind: model.kind,
    title: model.title,
    start_date: model.start_date.trim(),
    end_date: opt(model.end_date),
    modality: opt(model.modality),
    place: opt(model.place),
    countries: model.countries,
    organisations: model.organisations,
    people: model.people,
    axis: opt(model.axis),
    topics: model.topics.split(',').map((s) => s.trim()).filter(Boolean),
    summary: opt(model.summary),
    outcomes: opt(model.outcomes),
    status: opt(model.status),
    details: details as Details,
  } as ActivityInput;
  return { input, errors };
}

/** `countries[2]` and `countries` both belong to the countries control. */
export function controlOf(field: string): string {
  return field.replace(/\[\d+\].*$/, '');
}
