// Data the mocked backend answers with in component tests, shaped like the Rust types.
import type { Activity } from '../src/lib/bindings/Activity';
import type { ActivityInput } from '../src/lib/bindings/ActivityInput';
import type { KindSchema } from '../src/lib/bindings/KindSchema';

export const schemas: KindSchema[] = [
  { kind: 'meeting', label_es: 'Reunión', label_en: 'Meeting', fields: [
    { key: 'counterpart_head', label_es: 'Titular de la contraparte', label_en: 'Counterpart head', field_type: 'text', required: false, options: [] },
    { key: 'meeting_type', label_es: 'Tipo de reunión', label_en: 'Meeting type', field_type: 'choice', required: false, options: [
      { value: 'trabajo', label_es: 'De trabajo', label_en: 'Working meeting' },
      { value: 'cortesia', label_es: 'De cortesía', label_en: 'Courtesy call' },
    ] },
  ] },
  { kind: 'training', label_es: 'Capacitación', label_en: 'Training', fields: [
    { key: 'participants', label_es: 'Participantes', label_en: 'Participants', field_type: 'integer', required: false, options: [] },
    { key: 'hours', label_es: 'Horas', label_en: 'Hours', field_type: 'decimal', required: false, options: [] },
    { key: 'provider', label_es: 'Institución que imparte', label_en: 'Provider', field_type: 'text', required: false, options: [] },
    { key: 'objective', label_es: 'Objetivo del curso', label_en: 'Objective', field_type: 'long_text', required: false, options: [] },
    { key: 'units', label_es: 'Áreas participantes', label_en: 'Participating units', field_type: 'list', required: false, options: [] },
  ] },
  { kind: 'agreement', label_es: 'Convenio', label_en: 'Agreement', fields: [
    { key: 'signed_on', label_es: 'Fecha de firma', label_en: 'Signed on', field_type: 'date', required: false, options: [] },
  ] },
];

export const countries = [
  { code: 'PE', name_es: 'Perú', name_en: 'Peru', variants: [] },
  { code: 'FR', name_es: 'Francia', name_en: 'France', variants: [] },
  { code: 'GB', name_es: 'Reino Unido', name_en: 'United Kingdom', variants: [] },
];

export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: '0190a0b0-0000-7000-8000-000000000001',
    kind: 'illumination',
    title: 'Iluminación por el Bicentenario de Perú',
    start: '2021-07-27',
    end: null,
    start_time: null,
    end_time: null,
    summary: null,
    modality: null,
    place: null,
    countries: ['PE'],
    organisations: [],
    people: [],
    axis: 'Capital Cultural de América',
    topics: [],
    outcomes: null,
    follow_ups: [],
    status: 'done',
    date_text: null,
    details: { members: [], sites: [], units: [], parties: [] },
    attachments: [],
    meta: { created_at: '2026-11-23T10:00:00Z', created_by: 'Ana', updated_at: '2026-11-23T10:00:00Z', updated_by: 'Ana', deleted_at: null },
    ...overrides,
  } as Activity;
}

/** A training that came in by import with every field set, as the core sends it: follow-ups
 *  (`done` left out when false), times, people with posts, organisations with roles. */
export const fullTraining = activity({
  id: '0190a0b0-0000-7000-8000-000000000002',
  kind: 'training',
  title: 'Curso de contratación pública abierta',
  start: '2021-10-04',
  end: '2021-10-29',
  start_time: '10:00',
  end_time: '13:30',
  summary: 'Se revisaron las reglas de publicación.\n\nSe acordó una segunda edición.',
  modality: 'virtual',
  place: 'En línea',
  countries: ['GB', 'PE'],
  organisations: [{ id: 'o1', name: 'UK PACT', role: 'imparte' }, { id: 'o2', name: 'Agencia Digital de Innovación Pública', role: null }],
  people: [
    { id: 'p1', name: 'Jane Roe', post: 'Directora', organisation: 'UK PACT', role: 'ponente' },
    { id: 'p2', name: 'Luis Pérez', post: null, organisation: null, role: null },
  ],
  axis: 'Ciencia, Innovación y Tecnología',
  topics: ['contratación abierta', 'datos, transparencia'],
  outcomes: '45 personas acreditadas.',
  follow_ups: [
    { task: 'Enviar constancias', due: '2021-11-15', owner: 'Coordinación de Asuntos Internacionales', done: true },
    { task: 'Evaluar el curso' } as Activity['follow_ups'][number],
  ],
  status: 'done',
  date_text: 'del 4 al 29 de octubre de 2021',
  details: { participants: 45, hours: '32.5', provider: 'UK PACT', units: ['Agencia Digital de Innovación Pública', 'Secretaría de Administración y Finanzas'] } as Activity['details'],
});

/** `fullTraining`'s own input, as `Activity::to_input()` writes it. */
export const fullTrainingInput = {
  id: '0190a0b0-0000-7000-8000-000000000002',
  kind: 'training',
  title: 'Curso de contratación pública abierta',
  start_date: '2021-10-04',
  end_date: '2021-10-29',
  start_time: '10:00',
  end_time: '13:30',
  summary: 'Se revisaron las reglas de publicación.\n\nSe acordó una segunda edición.',
  modality: 'virtual',
  place: 'En línea',
  countries: ['GB', 'PE'],
  organisations: [{ name: 'UK PACT', role: 'imparte' }, 'Agencia Digital de Innovación Pública'],
  people: [{ name: 'Jane Roe', post: 'Directora', organisation: 'UK PACT', role: 'ponente' }, 'Luis Pérez'],
  axis: 'Ciencia, Innovación y Tecnología',
  topics: ['contratación abierta', 'datos, transparencia'],
  outcomes: '45 personas acreditadas.',
  follow_ups: [
    { task: 'Enviar constancias', due: '2021-11-15', owner: 'Coordinación de Asuntos Internacionales', done: true },
    { task: 'Evaluar el curso' },
  ],
  status: 'done',
  date_text: 'del 4 al 29 de octubre de 2021',
  details: { participants: 45, hours: '32.5', provider: 'UK PACT', units: ['Agencia Digital de Innovación Pública', 'Secretaría de Administración y Finanzas'] },
} as ActivityInput;
