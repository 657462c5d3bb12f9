import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockCommands } from './ipc';
import { describe, expect, it } from 'vitest';
import Activities from '../src/screens/Activities.svelte';
import Sidebar from '../src/lib/components/Sidebar.svelte';
import { i18n, type Locale } from '../src/lib/i18n/index.svelte';
import { session } from '../src/lib/session.svelte';
import { activity, countries, schemas } from './fixtures';

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
    const filters: Record<string, unknown>[] = [];
    mockCommands((cmd, args) => {
      if (cmd === 'list_activities') {
        filters.push((args as { filter: Record<string, unknown> }).filter);
        return { items: [], total: 0, offset: 0 };
      }
      if (cmd === 'list_drafts') return [];
      return null;
    });
    render(Activities);
    await screen.findByText('No hay actividades que coincidan.');

    await userEvent.selectOptions(screen.getByLabelText('País'), 'PE');
    await userEvent.type(screen.getByLabelText('Buscar actividades'), 'peru');
    await new Promise((r) => setTimeout(r, 350));

    const last = filters.at(-1);
    expect(last).toMatchObject({ text: 'peru', countries: ['PE'], sort: 'relevance', offset: 0, limit: 50, trash: false });
  });
});
