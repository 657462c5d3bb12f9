import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockCommands } from './ipc';
import { describe, expect, it, vi } from 'vitest';
import Activities from '../src/screens/Activities.svelte';
import Directory from '../src/screens/Directory.svelte';
import { router } from '../src/lib/router.svelte';
import { session } from '../src/lib/session.svelte';
import { countries, schemas } from './fixtures';

const JEAN = { id: '0190a0b0-0000-7000-8000-0000000000aa', name: 'Jean-Pierre Asvazadourian', post: 'Embajador', organisation: 'Embajada de Francia en México', activities: 3 };
const ANA = { id: '0190a0b0-0000-7000-8000-0000000000ab', name: 'Ana María Peña', post: null, organisation: null, activities: 1 };

describe('the directory', () => {
  it('lists people with post and organisation, finds them without accents, and opens their activities', async () => {
    session.countries = countries;
    mockCommands((cmd) => {
      if (cmd === 'list_organisations') return [{ id: '0190a0b0-0000-7000-8000-0000000000ba', name: 'Embajada de Francia en México', kind: 'embassy', country: 'FR', activities: 4 }];
      if (cmd === 'list_people') return [JEAN, ANA];
      if (cmd === 'likely_duplicate_organisations') return [];
      return null;
    });
    render(Directory);

    const people = await screen.findByRole('region', { name: /Personas/ });
    const row = await within(people).findByRole('row', { name: /Jean-Pierre/ });
    expect(within(row).getByText('Embajador')).toBeInTheDocument();
    expect(within(row).getByText('Embajada de Francia en México')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Buscar'), 'pena');
    expect(within(people).queryByRole('row', { name: /Jean-Pierre/ })).not.toBeInTheDocument();
    expect(within(people).getByRole('row', { name: /Ana María Peña/ })).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Buscar'));
    await userEvent.click(within(await within(people).findByRole('row', { name: /Jean-Pierre/ })).getByRole('button', { name: '3' }));
    expect(router.route).toEqual({ screen: 'activities', filter: { person: JEAN.id }, scope: JEAN.name });
  });

  it('keeps the person chosen in the directory as a filter until it is removed', async () => {
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
    render(Activities, { initial: { person: JEAN.id }, scope: JEAN.name });

    expect(await screen.findByText(`Solo: ${JEAN.name}`)).toBeInTheDocument();
    await vi.waitFor(() => expect(filters.at(-1)?.person).toBe(JEAN.id));

    await userEvent.click(screen.getByRole('button', { name: `Quitar «${JEAN.name}»` }));
    expect(screen.queryByText(`Solo: ${JEAN.name}`)).not.toBeInTheDocument();
    await vi.waitFor(() => expect(filters.at(-1)?.person).toBeUndefined());
  });
});
