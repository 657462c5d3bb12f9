import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockCommands } from './ipc';
import { beforeEach, describe, expect, it } from 'vitest';
import ActivityForm from '../src/screens/ActivityForm.svelte';
import { session } from '../src/lib/session.svelte';
import { countries, fullTraining, fullTrainingInput, schemas } from './fixtures';

type Input = { title: string; kind: string; start_date: string; countries: string[]; details: Record<string, unknown> };

/** A backend that validates like the core does for the rules these tests need. */
function backend(saved: Input[]) {
  const problems = (input: Input) => [
    ...(input.title.trim() ? [] : [{ field: 'title', message: { es: 'el título es obligatorio', en: 'the title is required' }, choices: [] }]),
    ...(input.start_date ? [] : [{ field: 'start_date', message: { es: 'la fecha de inicio es obligatoria', en: 'the start date is required' }, choices: [] }]),
    ...(typeof input.details.participants === 'string'
      ? [{ field: 'details.participants', message: { es: `«${input.details.participants}» no es un número entero; escriba, por ejemplo, 25`, en: 'not a whole number' }, choices: [] }]
      : []),
  ];
  mockCommands((cmd, args) => {
    const input = (args as { input: Input }).input;
    switch (cmd) {
      case 'list_drafts': return [];
      case 'get_activity': return fullTraining;
      case 'organisations_like': return [];
      case 'list_organisations': return [{ id: 'o1', name: 'Embajada de Perú en México', kind: 'embassy', country: 'PE', activities: 1 }];
      case 'validate_activity': return { errors: problems(input), readings: [] };
      case 'save_draft': return null;
      case 'discard_draft': return null;
      case 'save_activity': {
        const fields = problems(input);
        if (fields.length) throw { code: 'invalid', message: { es: 'Hay datos por corregir.', en: 'Fix' }, fields };
        saved.push(input);
        return { id: 'a1', title: input.title };
      }
      default: return null;
    }
  });
}

describe('the activity form', () => {
  beforeEach(() => {
    session.schemas = schemas;
    session.countries = countries;
  });

  it('shows the core’s Spanish error next to the field and clears it once corrected', async () => {
    const saved: Input[] = [];
    backend(saved);
    render(ActivityForm, { route: { screen: 'form' } });
    const title = await screen.findByLabelText(/^Título/);

    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));

    const error = await screen.findByText('El título es obligatorio');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title.getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.getByText('La fecha de inicio es obligatoria')).toBeInTheDocument();
    expect(saved).toHaveLength(0);

    await userEvent.type(title, 'Reunión con la Embajada de Francia');
    await userEvent.type(screen.getByLabelText(/^Fecha de inicio/), '2021-08-03');
    await waitFor(() => expect(screen.queryByText('El título es obligatorio')).not.toBeInTheDocument());
    expect(title).not.toHaveAttribute('aria-invalid');

    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ kind: 'meeting', title: 'Reunión con la Embajada de Francia', start_date: '2021-08-03' });
  });

  it('shows the fields of the chosen kind and the core’s error for a number typed in words', async () => {
    const saved: Input[] = [];
    backend(saved);
    render(ActivityForm, { route: { screen: 'form' } });
    await userEvent.selectOptions(await screen.findByLabelText(/^Tipo de actividad/), 'training');
    const participants = await screen.findByLabelText('Participantes');
    await userEvent.type(screen.getByLabelText(/^Título/), 'Taller de movilidad');
    await userEvent.type(screen.getByLabelText(/^Fecha de inicio/), '2021-09');
    await userEvent.type(participants, 'veinte');
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));

    expect(await screen.findByText('«veinte» no es un número entero; escriba, por ejemplo, 25')).toBeInTheDocument();
    expect(participants).toHaveAttribute('aria-invalid', 'true');
    expect(saved).toHaveLength(0);

    await userEvent.clear(participants);
    await userEvent.type(participants, '20');
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.details).toEqual({ participants: 20 });
  });

  it('takes a detail date typed as text, with the same date field as the record’s dates', async () => {
    const saved: Input[] = [];
    backend(saved);
    render(ActivityForm, { route: { screen: 'form' } });
    await userEvent.selectOptions(await screen.findByLabelText(/^Tipo de actividad/), 'agreement');
    const signed = await screen.findByLabelText('Fecha de firma');
    expect(signed).toHaveAttribute('placeholder', 'dd/mm/aaaa');
    await userEvent.type(screen.getByLabelText(/^Título/), 'Convenio con Nagoya');
    await userEvent.type(screen.getByLabelText(/^Fecha de inicio/), '14/10/2021');
    await userEvent.type(signed, '14 de octubre de 2021');
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ kind: 'agreement', start_date: '14/10/2021', details: { signed_on: '14 de octubre de 2021' } });
  });

  it('offers countries while typing without accents and adds the chosen one', async () => {
    const saved: Input[] = [];
    backend(saved);
    render(ActivityForm, { route: { screen: 'form' } });
    const input = await screen.findByLabelText('Países');
    await userEvent.type(input, 'peru');
    const option = await screen.findByRole('option', { name: 'Perú' });
    expect(option).toBeInTheDocument();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('button', { name: 'Quitar Perú' })).toBeInTheDocument();
  });

  it('saves an imported record untouched as its own input', async () => {
    const saved: Input[] = [];
    backend(saved);
    render(ActivityForm, { route: { screen: 'form', id: fullTraining.id } });
    await screen.findByDisplayValue(fullTraining.title);
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toStrictEqual(fullTrainingInput);
  });

  it('shows times, the written date, posts, roles and follow-ups, and edits them', async () => {
    const saved: Input[] = [];
    backend(saved);
    render(ActivityForm, { route: { screen: 'form', id: fullTraining.id } });
    await screen.findByDisplayValue(fullTraining.title);
    expect(screen.getByLabelText(/^Hora de inicio/)).toHaveValue('10:00');
    expect(screen.getByLabelText(/^Hora de término/)).toHaveValue('13:30');
    expect(screen.getByLabelText(/^Fecha como se escribió/)).toHaveValue('del 4 al 29 de octubre de 2021');
    expect(screen.getByLabelText('Papel en la actividad (UK PACT)')).toHaveValue('imparte');
    expect(screen.getByLabelText('Cargo (Jane Roe)')).toHaveValue('Directora');
    expect(screen.getByLabelText('Organización (Jane Roe)')).toHaveValue('UK PACT');
    expect(screen.getByLabelText('Tarea (1)')).toHaveValue('Enviar constancias');
    expect(screen.getByLabelText('Fecha límite (1)')).toHaveValue('2021-11-15');
    expect(screen.getByLabelText('Hecha (1)')).toBeChecked();
    expect(screen.getByLabelText('Hecha (2)')).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Quitar datos, transparencia' })).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Cargo (Luis Pérez)'), 'Enlace técnico');
    await userEvent.type(screen.getByLabelText('Responsable (2)'), 'Dirección de Cooperación');
    await userEvent.click(screen.getByLabelText('Hecha (2)'));
    await userEvent.click(screen.getByRole('button', { name: 'Quitar la tarea 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Agregar tarea de seguimiento' }));
    expect(screen.getByLabelText('Tarea (2)')).toHaveFocus();
    await userEvent.keyboard('Publicar la convocatoria');
    await userEvent.type(screen.getByLabelText('Organizaciones'), 'PNUD{Enter}');
    await userEvent.type(screen.getByLabelText('Papel en la actividad (PNUD)'), 'observador');
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toStrictEqual({
      ...fullTrainingInput,
      organisations: [...fullTrainingInput.organisations, { name: 'PNUD', role: 'observador' }],
      people: [fullTrainingInput.people[0], { name: 'Luis Pérez', post: 'Enlace técnico' }],
      follow_ups: [
        { task: 'Evaluar el curso', owner: 'Dirección de Cooperación', done: true },
        { task: 'Publicar la convocatoria' },
      ],
    });
  });
});
