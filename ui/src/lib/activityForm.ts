// The activity form's model: every field of the core's `ActivityInput`, kept as the person
// types it, and the conversion back. The store replaces a whole record with what the form
// sends, so the model carries all of it: a record loaded and saved untouched gives back its
// own input (what `Activity::to_input()` writes), and an edit changes only what was changed.
// Numbers, dates and countries go to the core as typed: the core reads them (the one reader
// the importers use), says how it read them, and names any that do not read.
import type { Activity } from './bindings/Activity';
import type { ActivityInput } from './bindings/ActivityInput';
import type { DetailField } from './bindings/DetailField';
import type { Details } from './bindings/Details';
import type { FollowUp } from './bindings/FollowUp';
import type { OrgLink } from './bindings/OrgLink';
import type { OrgMention } from './bindings/OrgMention';
import type { PersonLink } from './bindings/PersonLink';
import type { PersonMention } from './bindings/PersonMention';

/** An organisation of the activity and the role it played there. (An import may also give an
 *  organisation's kind and country; those belong to the directory entry, not to the activity.) */
export type OrgRow = { name: string; role: string };
export type PersonRow = { name: string; post: string; organisation: string; role: string };
export type FollowUpRow = { task: string; due: string; owner: string; done: boolean };

export type FormModel = {
  id: string | null;
  kind: string;
  title: string;
  start_date: string;
  end_date: string;
  start_time: string;
  end_time: string;
  /** The date as a source document wrote it ("del 3 al 5 de agosto de 2021"). */
  date_text: string;
  modality: string;
  place: string;
  /** Country names as shown; sent back as codes where they name a known country. */
  countries: string[];
  organisations: OrgRow[];
  people: PersonRow[];
  axis: string;
  topics: string[];
  summary: string;
  outcomes: string;
  follow_ups: FollowUpRow[];
  status: string;
  /** Every detail as text; list fields one item per line. */
  details: Record<string, string>;
};

export function emptyModel(kind = 'meeting'): FormModel {
  return {
    id: null, kind, title: '', start_date: '', end_date: '', start_time: '', end_time: '', date_text: '',
    modality: '', place: '', countries: [], organisations: [], people: [], axis: '', topics: [],
    summary: '', outcomes: '', follow_ups: [], status: '', details: {},
  };
}

const text = (value: string | null | undefined): string => value ?? '';

function orgRow(m: OrgMention | OrgLink): OrgRow {
  return typeof m === 'string' ? { name: m, role: '' } : { name: m.name, role: text(m.role) };
}

function personRow(m: PersonMention | PersonLink): PersonRow {
  return typeof m === 'string'
    ? { name: m, post: '', organisation: '', role: '' }
    : { name: m.name, post: text(m.post), organisation: text(m.organisation), role: text(m.role) };
}

/** `done` is left out of the core's JSON when false, whatever the binding says. */
function followUpRow(f: FollowUp): FollowUpRow {
  return { task: f.task, due: text(f.due), owner: text(f.owner), done: f.done === true };
}

function detailsAsText(details: Details): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? value.join('\n') : String(value);
  }
  return out;
}

/** What the form reads from a stored `Activity` and from an `ActivityInput` alike: absent
 *  values are null in the one and left out in the other, and the core leaves empty lists out
 *  of an input whatever its binding says. */
type Source = {
  id?: string | null; kind: string; title: string; start_date: string; end_date?: string | null;
  start_time?: string | null; end_time?: string | null; date_text?: string | null;
  modality?: string | null; place?: string | null; countries?: string[];
  organisations?: (OrgMention | OrgLink)[]; people?: (PersonMention | PersonLink)[];
  axis?: string | null; topics?: string[]; summary?: string | null; outcomes?: string | null;
  follow_ups?: FollowUp[]; status?: string | null; details?: Details;
};

/** An input (e.g. an activity proposed from report text, to review before saving) as the form
 *  shows it. */
export function modelFromInput(s: Source, countryName: (code: string) => string): FormModel {
  return {
    id: s.id ?? null,
    kind: s.kind || 'other',
    title: s.title,
    start_date: s.start_date,
    end_date: text(s.end_date),
    start_time: text(s.start_time),
    end_time: text(s.end_time),
    date_text: text(s.date_text),
    modality: text(s.modality),
    place: text(s.place),
    countries: (s.countries ?? []).map(countryName),
    organisations: (s.organisations ?? []).map(orgRow),
    people: (s.people ?? []).map(personRow),
    axis: text(s.axis),
    topics: [...(s.topics ?? [])],
    summary: text(s.summary),
    outcomes: text(s.outcomes),
    follow_ups: (s.follow_ups ?? []).map(followUpRow),
    status: s.status ?? '',
    details: detailsAsText(s.details ?? ({} as Details)),
  };
}

export function modelFromActivity(a: Activity, countryName: (code: string) => string): FormModel {
  return modelFromInput({ ...a, start_date: a.start, end_date: a.end }, countryName);
}

/** The name of an organisation or person as an import names it: plain, or with its role. */
export function mentionName(mention: string | { name: string }): string {
  return typeof mention === 'string' ? mention : mention.name;
}

/** A prefill (a restored draft, a planned illumination, a proposal) over the form's starting
 *  model. Drafts kept by earlier versions of the form hold organisations and people as plain
 *  names and topics as one comma-separated text; those are read too. */
export function withPrefill(base: FormModel, prefill: Record<string, unknown>): FormModel {
  const p = prefill as Partial<Omit<FormModel, 'topics' | 'organisations' | 'people'>> & {
    topics?: string[] | string;
    organisations?: (OrgRow | string)[];
    people?: (PersonRow | string)[];
  };
  return {
    ...base,
    ...p,
    organisations: p.organisations?.map(orgRow) ?? base.organisations,
    people: p.people?.map(personRow) ?? base.people,
    topics: typeof p.topics === 'string' ? p.topics.split(',').map((t) => t.trim()).filter(Boolean) : (p.topics ?? base.topics),
    details: { ...base.details, ...p.details },
  };
}

const opt = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

function orgMention(o: OrgRow): OrgMention {
  const role = opt(o.role);
  return role ? { name: o.name.trim(), role } : o.name.trim();
}

/** A person with nothing but a name travels as the name alone, as the core writes it. */
function personMention(p: PersonRow): PersonMention {
  const full = { name: p.name.trim(), post: opt(p.post), organisation: opt(p.organisation), role: opt(p.role) };
  return full.post || full.organisation || full.role ? dropEmpty(full) : full.name;
}

function followUp(f: FollowUpRow): FollowUp {
  return dropEmpty({ task: f.task.trim(), due: opt(f.due), owner: opt(f.owner), done: f.done || undefined }) as FollowUp;
}

/** A detail as the core takes it: a whole number as a number, lists as lists, anything else as
 *  the text typed, which the core checks and, if it does not read, names. */
function detailValue(f: DetailField, raw: string): unknown {
  switch (f.field_type) {
    case 'integer': return /^\d+$/.test(raw) ? Number(raw) : raw;
    case 'list': return raw.split('\n').map((s) => s.trim()).filter(Boolean);
    default: return raw;
  }
}

/** Leaves out what the core's JSON leaves out: absent values and empty lists. */
function dropEmpty<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

/** The form as the core's input, shaped as the core writes an input (see `dropEmpty`). Only
 *  the fields of the chosen kind are sent: a kind changed while typing leaves no stray detail.
 *  A detail of the wrong type (typed text in a number) is sent as typed for the core to name,
 *  hence the cast. */
export function toInput(model: FormModel, fields: readonly DetailField[], countryCode: (name: string) => string): ActivityInput {
  const details: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = (model.details[f.key] ?? '').trim();
    if (raw !== '') details[f.key] = detailValue(f, raw);
  }
  return dropEmpty({
    id: model.id ?? undefined,
    kind: model.kind,
    title: model.title,
    start_date: model.start_date.trim(),
    end_date: opt(model.end_date),
    start_time: opt(model.start_time),
    end_time: opt(model.end_time),
    summary: opt(model.summary),
    modality: opt(model.modality),
    place: opt(model.place),
    countries: model.countries.map(countryCode),
    organisations: model.organisations.map(orgMention),
    people: model.people.map(personMention),
    axis: opt(model.axis),
    topics: model.topics,
    outcomes: opt(model.outcomes),
    follow_ups: model.follow_ups.map(followUp),
    status: opt(model.status),
    date_text: opt(model.date_text),
    details: dropEmpty(details) as Details,
  }) as ActivityInput;
}

/** The control an error belongs to: `countries[2]` to the countries field (one control for
 *  the whole list), `follow_ups[0].due` to that follow-up's due date. */
export function controlOf(field: string): string {
  return field.replace(/\[\d+\]$/, '');
}
