import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import Dashboard from '../src/screens/Dashboard.svelte';
import { router } from '../src/lib/router.svelte';
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

const emptyStats = { total: 0, by_kind: [], by_country: [], by_axis: [], by_month: [], by_year: [], participants_trained: 0, financing: [] };

describe('the dashboard', () => {
  it('lists planned activities past their date for the officer to settle', async () => {
    const asked: unknown[] = [];
    mockCommands((cmd, args) => {
      if (cmd === 'activity_stats') return emptyStats;
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
    mockCommands((cmd) => (cmd === 'activity_stats' ? emptyStats : cmd === 'list_activities' ? { items: [], total: 0, offset: 0 } : null));
    render(Dashboard);
    await screen.findByText('Actividades por tipo');
    expect(screen.queryByText(/ya pasó su fecha|ya pasaron su fecha/)).not.toBeInTheDocument();
  });
});
