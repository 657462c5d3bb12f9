// The form's model keeps the whole record: loaded and converted back untouched it gives the
// activity's own input; an edit changes only the field edited.
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyModel, modelFromActivity, toInput, withPrefill } from '../src/lib/activityForm';
import type { DetailField } from '../src/lib/bindings/DetailField';
import { countryCode, countryName, session } from '../src/lib/session.svelte';
import { activity, countries, fullTraining, fullTrainingInput, schemas } from './fixtures';

const fieldsOf = (kind: string): DetailField[] => schemas.find((s) => s.kind === kind)?.fields ?? [];
const field = (key: string, field_type: DetailField['field_type']): DetailField => ({ key, label_es: key, label_en: key, field_type, required: false, options: [] });

describe('the form model', () => {
  beforeEach(() => {
    session.countries = countries;
  });

  it('gives back an activity’s own input when nothing was touched', () => {
    const model = modelFromActivity(fullTraining, countryName);
    expect(model.countries).toEqual(['Reino Unido', 'Perú']);
    expect(toInput(model, fieldsOf('training'), countryCode)).toStrictEqual(fullTrainingInput);
  });

  it('keeps dates and decimals of other kinds as the core writes them', () => {
    const agreementFields = [field('agreement_type', 'choice'), field('parties', 'list'), field('signed_on', 'date'), field('valid_until', 'date')];
    const details = { agreement_type: 'memorandum', parties: ['Ciudad de México', 'Municipalidad de Lima'], signed_on: '2021-11', valid_until: '2024-11' };
    const agreement = activity({ kind: 'agreement', start: '2021-11', details: details as never });
    expect(toInput(modelFromActivity(agreement, countryName), agreementFields, countryCode).details).toStrictEqual(details);

    const financingFields = [field('amount', 'decimal'), field('currency', 'currency'), field('donor', 'text'), field('amount_mxn', 'decimal')];
    const money = { amount: '19500.00', currency: 'GBP', donor: 'UK PACT', amount_mxn: '540000.00' };
    const financing = activity({ kind: 'financing', details: money as never });
    expect(toInput(modelFromActivity(financing, countryName), financingFields, countryCode).details).toStrictEqual(money);
  });

  it('changes only the title when only the title is edited', () => {
    const model = modelFromActivity(fullTraining, countryName);
    model.title = 'Curso de contratación pública abierta (2a edición)';
    const input = toInput(model, fieldsOf('training'), countryCode);
    expect(input).toStrictEqual({ ...fullTrainingInput, title: 'Curso de contratación pública abierta (2a edición)' });
  });

  it('sends the new rows, posts, roles and times the person typed', () => {
    const model = emptyModel('meeting');
    Object.assign(model, { title: 'Reunión', start_date: '2021-07-12', start_time: '10:00', date_text: '12 de julio de 2021' });
    model.organisations = [{ name: 'Embajada de Francia en México', role: ' contraparte ' }];
    model.people = [{ name: 'Jean Dupont', post: 'Embajador', organisation: '', role: '' }, { name: 'Ana', post: '', organisation: '', role: '' }];
    model.follow_ups = [{ task: 'Enviar agenda', due: '2021-07-30', owner: '', done: false }];
    expect(toInput(model, [], countryCode)).toStrictEqual({
      kind: 'meeting', title: 'Reunión', start_date: '2021-07-12', start_time: '10:00', date_text: '12 de julio de 2021',
      organisations: [{ name: 'Embajada de Francia en México', role: 'contraparte' }],
      people: [{ name: 'Jean Dupont', post: 'Embajador' }, 'Ana'],
      follow_ups: [{ task: 'Enviar agenda', due: '2021-07-30' }],
      details: {},
    });
  });

  it('sends a number typed in words as typed, for the core to name', () => {
    const model = { ...emptyModel('training'), details: { participants: 'veinte', hours: '3 horas' } };
    expect(toInput(model, fieldsOf('training'), countryCode).details).toEqual({ participants: 'veinte', hours: '3 horas' });
  });

  it('reads a draft kept by an earlier version of the form', () => {
    const legacy = { title: 'Visita', organisations: ['UK PACT'], people: ['Jane Roe'], topics: 'movilidad, clima' };
    const model = withPrefill(emptyModel(), legacy);
    expect(model.organisations).toEqual([{ name: 'UK PACT', role: '' }]);
    expect(model.people).toEqual([{ name: 'Jane Roe', post: '', organisation: '', role: '' }]);
    expect(model.topics).toEqual(['movilidad', 'clima']);
  });
});
