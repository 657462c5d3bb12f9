// Data the mocked backend answers with in component tests, shaped like the Rust types.
import type { Activity } from '../src/lib/bindings/Activity';
import type { KindSchema } from '../src/lib/bindings/KindSchema';

export const schemas: KindSchema[] = [
  { kind: 'meeting', label_es: 'Reunión', label_en: 'Meeting', fields: [
    { key: 'counterpart_head', label_es: 'Titular de la contraparte', label_en: 'Counterpart head', field_type: 'text', required: false, options: [] },
  ] },
  { kind: 'training', label_es: 'Capacitación', label_en: 'Training', fields: [
    { key: 'participants', label_es: 'Participantes', label_en: 'Participants', field_type: 'integer', required: false, options: [] },
    { key: 'provider', label_es: 'Institución que imparte', label_en: 'Provider', field_type: 'text', required: false, options: [] },
  ] },
];

export const countries = [
  { code: 'PE', name_es: 'Perú', name_en: 'Peru', variants: [] },
  { code: 'FR', name_es: 'Francia', name_en: 'France', variants: [] },
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
