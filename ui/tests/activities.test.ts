import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockCommands } from './ipc';
import { describe, expect, it } from 'vitest';
import Activities from '../src/screens/Activities.svelte';
import Sidebar from '../src/lib/components/Sidebar.svelte';
import { i18n, type Locale } from '../src/lib/i18n/index.svelte';
import { session } from '../src/lib/session.svelte';
import { activity, countries, schemas } from './fixtures';

/** A backend whose list holds `items` and that keeps every filter the screen sent. */
function listBackend(items: ReturnType<typeof activity>[]): Record<string, unknown>[] {
  const filters: Record<string, unknown>[] = [];
  mockCommands((cmd, args) => {
    if (cmd === 'list_activities') {
      filters.push((args as { filter: Record<string, unknown> }).filter);
      return { items, total: items.length, offset: 0 };
    }
    if (cmd === 'list_drafts') return [];
    return null;
  });
  return filters;
}

describe('the activity list', () => {
  it('shows dates in the chosen language and follows a language switch at once', async () => {
    session.schemas = schemas.concat([{ kind: 'illumination', label_es: 'Iluminación de monumentos', label_en: 'Monument illumination', fields: [] }]);
    session.countries = countries;
    const filters: unknown[] = [];
    mockCommands((cmd, args) => {
      if (cmd === 'list_activities') {
        filters.push((args as { filter: unknown }).filter);
        return { items: [activity()], total: 1, offset: 0 };
      }
      if (cmd === 'list_drafts') return [];
      return null;
    });
    render(Activities);
    render(Sidebar, { onLocale: (l: Locale) => (i18n.locale = l) });

    const row = await screen.findByRole('row', { name: /Bicentenario/ });
    expect(within(row).getByText('27 de julio de 2021')).toBeInTheDocument();
    expect(within(row).getByText('Perú')).toBeInTheDocument();
    expect(within(row).getByText('Iluminación de monumentos')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Actividades/ })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Idioma'), 'en');

    expect(within(row).getByText('July 27, 2021')).toBeInTheDocument();
    expect(within(row).getByText('Peru')).toBeInTheDocument();
    expect(within(row).getByText('Monument illumination')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Activities/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Language')).toBeInTheDocument();
  });

  it('sends the typed search and the chosen filters to the backend', async () => {
    session.schemas = schemas;
    session.countries = countries;
    const filters = listBackend([]);
    render(Activities);
    await screen.findByText('No hay actividades que coincidan.');

    await userEvent.selectOptions(screen.getByLabelText('País'), 'PE');
    await userEvent.type(screen.getByLabelText('Buscar actividades'), 'peru');

    // A search keeps the order the header shows: newest first until the person picks another.
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ text: 'peru', countries: ['PE'], sort: 'date_desc', offset: 0, limit: 50, trash: false }));
  });

  it('sorts a search as its header shows, and by relevance only when picked', async () => {
    session.schemas = schemas;
    session.countries = countries;
    const filters = listBackend([activity()]);
    render(Activities);
    await screen.findByRole('row', { name: /Bicentenario/ });
    const order = screen.getByLabelText('Orden') as HTMLSelectElement;
    const relevance = within(order).getByRole('option', { name: /Relevancia/ }) as HTMLOptionElement;
    expect(relevance.disabled).toBe(true);

    await userEvent.type(screen.getByLabelText('Buscar actividades'), 'embajada');
    const dateHeader = () => screen.getByRole('columnheader', { name: /Fecha/ });
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ text: 'embajada', sort: 'date_desc' }));
    expect(dateHeader()).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(screen.getByRole('button', { name: 'Ordenar por Fecha' }));
    expect(filters.at(-1)).toMatchObject({ text: 'embajada', sort: 'date_asc' });
    expect(dateHeader()).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: 'Ordenar por Fecha' }));
    expect(filters.at(-1)).toMatchObject({ text: 'embajada', sort: 'date_desc' });
    expect(dateHeader()).toHaveAttribute('aria-sort', 'descending');

    expect(relevance.disabled).toBe(false);
    await userEvent.selectOptions(order, 'relevance');
    expect(filters.at(-1)).toMatchObject({ text: 'embajada', sort: 'relevance' });
    expect(dateHeader()).not.toHaveAttribute('aria-sort');
    expect(order.value).toBe('relevance');

    // Without search text relevance means nothing: the list is newest first again, and says so.
    await userEvent.clear(screen.getByLabelText('Buscar actividades'));
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ text: undefined, sort: 'date_desc' }));
    expect(dateHeader()).toHaveAttribute('aria-sort', 'descending');
    expect(order.value).toBe('date_desc');
  });
});
