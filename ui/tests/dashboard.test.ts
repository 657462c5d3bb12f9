import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import Dashboard from '../src/screens/Dashboard.svelte';
import { router } from '../src/lib/router.svelte';
import { session } from '../src/lib/session.svelte';
import { countries } from './fixtures';
import { mockCommands } from './ipc';

// jsdom draws nothing: the charts' figures are also listed as buttons, which is what is read here.
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    data = { labels: [], datasets: [{ data: [] }] };
    update() {}
    destroy() {}
  }
  return { Chart, BarController: {}, BarElement: {}, CategoryScale: {}, LinearScale: {}, Tooltip: {} };
});

const emptyStats = { total: 0, by_kind: [], by_country: [], by_axis: [], by_month: [], by_year: [], by_region: [], participants_trained: 0, financing: [] };
const emptyMap = { countries: [], legend: [], steps: 5 };

/** `answer` first; then what every dashboard test answers alike (nothing planned overdue). */
function answering(answer: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined) {
  const usual: Record<string, unknown> = {
    activity_stats: emptyStats,
    world_map: emptyMap,
    agreements_expiring: [],
    list_activities: { items: [], total: 0, offset: 0 },
  };
  mockCommands((cmd, args) => answer(cmd, args) ?? usual[cmd] ?? null);
}

describe('the dashboard', () => {
  it('lists planned activities past their date for the officer to settle', async () => {
    const asked: unknown[] = [];
    answering((cmd, args) => {
      if (cmd === 'list_activities') {
        asked.push((args as { filter: unknown }).filter);
        return { items: [], total: 2, offset: 0 };
      }
      return null;
    });
    render(Dashboard);
    expect(await screen.findByText(/2 actividades planeadas ya pasaron su fecha/)).toBeInTheDocument();
    expect(asked[0]).toMatchObject({ statuses: ['planned'] });
    await userEvent.click(screen.getByRole('button', { name: 'Revisarlas' }));
    expect(router.route).toMatchObject({ screen: 'activities', filter: { statuses: ['planned'] } });
  });

  it('says nothing when no planned activity is past its date', async () => {
    answering();
    render(Dashboard);
    await screen.findByText('Actividades por tipo');
    expect(screen.queryByText(/ya pasó su fecha|ya pasaron su fecha/)).not.toBeInTheDocument();
  });

  it("shades the map by the core's steps and opens a country's activities from the keyboard", async () => {
    const map = { countries: [{ code: 'PE', count: 3, step: 4 }, { code: 'FR', count: 1, step: 3 }], legend: [{ step: 3, from: 1, to: 1 }, { step: 4, from: 2, to: 3 }], steps: 5 };
    session.countries = countries;
    answering((cmd) => (cmd === 'world_map' ? map : undefined));
    const { container } = render(Dashboard);
    const peru = await screen.findByRole('button', { name: 'Perú: 3 actividades' });
    expect(peru).toHaveAttribute('data-step', '4');
    expect(screen.getByRole('button', { name: 'Francia: una actividad' })).toHaveClass('step-3');
    expect(container.querySelector('path[data-country="RU"]')).toHaveClass('empty');
    const legend = screen.getByRole('list', { name: 'Actividades por país, de menos a más' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual(['1', '2–3']);
    peru.focus();
    await userEvent.keyboard('{Enter}');
    expect(router.route).toMatchObject({ screen: 'activities', filter: { countries: ['PE'] } });
  });

  it('names the agreements whose validity ends soon', async () => {
    const agreement = { id: 'a1', title: 'Hermanamiento con Lima' };
    answering((cmd) => (cmd === 'agreements_expiring' ? [{ activity: agreement, ends: '2027-01-15', validity: 'expiring', days_left: 45 }] : undefined));
    render(Dashboard);
    const link = await screen.findByRole('button', { name: 'Hermanamiento con Lima' });
    expect(screen.getByText(/vigente hasta el 15 de enero de 2027 · vence en 45 días/)).toBeInTheDocument();
    await userEvent.click(link);
    expect(router.route).toMatchObject({ screen: 'activity', id: 'a1' });
  });
});
