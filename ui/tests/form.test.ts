import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { beforeEach, describe, expect, it } from 'vitest';
import ActivityForm from '../src/screens/ActivityForm.svelte';
import { session } from '../src/lib/session.svelte';
import { countries, schemas } from './fixtures';

type Input = { title: string; kind: string; start_date: string; countries: string[]; details: Record<string, unknown> };

/** A backend that validates like the core does for the two rules these tests need. */
function backend(saved: Input[]) {
  const problems = (input: Input) => [
    ...(input.title.trim() ? [] : [{ field: 'title', message_es: 'el título es obligatorio', message_en: 'the title is required' }]),
    ...(input.start_date ? [] : [{ field: 'start_date', message_es: 'la fecha de inicio es obligatoria', message_en: 'the start date is required' }]),
  ];
  mockIPC((cmd, args) => {
    const input = (args as { input: Input }).input;
    switch (cmd) {
      case 'list_drafts': return [];
      case 'list_organisations': return [{ id: 'o1', name: 'Embajada de Perú en México', kind: 'embassy', country: 'PE', activities: 1 }];
      case 'validate_activity': return problems(input);
      case 'save_draft': return null;
      case 'discard_draft': return null;
      case 'save_activity': {
        const fields = problems(input);
        if (fields.length) throw { code: 'invalid', message_es: 'Hay datos por corregir.', message_en: 'Fix', fields };
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

  it('shows the fields of the chosen kind and checks a number before sending it', async () => {
    const saved: Input[] = [];
    backend(saved);
    render(ActivityForm, { route: { screen: 'form' } });
    await userEvent.selectOptions(await screen.findByLabelText(/^Tipo de actividad/), 'training');
    const participants = await screen.findByLabelText('Participantes');
    await userEvent.type(screen.getByLabelText(/^Título/), 'Taller de movilidad');
    await userEvent.type(screen.getByLabelText(/^Fecha de inicio/), '2021-09');
    await userEvent.type(participants, 'veinte');
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));

    expect(await screen.findByText('Escriba un número entero, por ejemplo 25.')).toBeInTheDocument();
    expect(saved).toHaveLength(0);

    await userEvent.clear(participants);
    await userEvent.type(participants, '20');
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.details).toEqual({ participants: 20 });
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
});
