import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Calendar from '../src/screens/Calendar.svelte';
import { session } from '../src/lib/session.svelte';
import { router } from '../src/lib/router.svelte';
import { mockCommands } from './ipc';
import { activity, countries, schemas } from './fixtures';

const project = activity({ id: '0190a0b0-0000-7000-8000-0000000000a1', kind: 'project', title: 'Proyecto de calidad del aire', start: '2021-01-01', end: '2021-12-31' });
const visit = activity({ id: '0190a0b0-0000-7000-8000-0000000000a2', kind: 'meeting', title: 'Visita de la embajada', start: '2021-03-10' });
const forum = activity({ id: '0190a0b0-0000-7000-8000-0000000000a3', kind: 'event', title: 'Foro de tres días', start: '2021-03-22', end: '2021-03-24' });

function backend() {
  const asked: { from: string; to: string }[] = [];
  mockCommands((cmd, args) => {
    if (cmd === 'list_activities') {
      const f = (args as { filter: { from: string; to: string } }).filter;
      asked.push(f);
      const items = [project, visit, forum].filter((a) => a.start <= f.to && (a.end ?? a.start) >= f.from);
      return { items, total: items.length, offset: 0 };
    }
    if (cmd === 'follow_ups_due') return [];
    if (cmd === 'agreements_expiring') return [];
    return null;
  });
  return asked;
}

const heading = () => screen.getByRole('heading', { level: 2 });
const focusedDay = () => (document.activeElement as HTMLElement | null)?.dataset.day;

describe('the month calendar', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2021, 2, 15, 10, 0));
    session.schemas = schemas;
    session.countries = countries;
  });
  afterEach(() => vi.useRealTimers());

  it('marks today, lists a long project once and short activities on their days', async () => {
    backend();
    render(Calendar);
    await screen.findByText('Visita de la embajada');
    expect(heading()).toHaveTextContent('marzo de 2021');
    const today = document.querySelector('[aria-current="date"]') as HTMLElement;
    expect(today.dataset.day).toBe('15');
    expect(today).toHaveClass('today');
    expect(document.querySelectorAll('[aria-current="date"]')).toHaveLength(1);

    // The year-long project: once, under "En curso este mes", on no day of the grid.
    expect(screen.getAllByText('Proyecto de calidad del aire')).toHaveLength(1);
    const ongoing = screen.getByRole('region', { name: 'En curso este mes' });
    expect(within(ongoing).getByText('Proyecto de calidad del aire')).toBeInTheDocument();
    // A visit on its day, a three-day forum on each of its three days.
    const day = (n: number) => document.querySelector(`[data-day="${n}"]`) as HTMLElement;
    expect(within(day(10)).getByText('Visita de la embajada')).toBeInTheDocument();
    expect(screen.getAllByText('Foro de tres días')).toHaveLength(3);
    expect(within(day(23)).getByText('Foro de tres días')).toBeInTheDocument();
  });

  it('moves the day with the arrows and the month with PageUp and PageDown', async () => {
    const asked = backend();
    render(Calendar);
    await screen.findByText('Visita de la embajada');
    const today = document.querySelector('[data-day="15"]') as HTMLElement;
    expect(today.tabIndex).toBe(0);
    today.focus();
    await fireEvent.keyDown(today, { key: 'ArrowRight' });
    await waitFor(() => expect(focusedDay()).toBe('16'));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(focusedDay()).toBe('23'));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await waitFor(() => expect(focusedDay()).toBe('22'));
    await fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    await waitFor(() => expect(heading()).toHaveTextContent('abril de 2021'));
    await waitFor(() => expect(focusedDay()).toBe('22'));
    expect(asked.at(-1)).toMatchObject({ from: '2021-04-01', to: '2021-04-30' });
    await fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    await fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    await waitFor(() => expect(heading()).toHaveTextContent('febrero de 2021'));
    // Off the end of the month: the arrow crosses into the next one.
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(heading()).toHaveTextContent('marzo de 2021'));
    await waitFor(() => expect(focusedDay()).toBe('8'));
  });

  it('goes to any month with the picker and back to today with "Hoy"', async () => {
    const asked = backend();
    render(Calendar);
    await screen.findByText('Visita de la embajada');
    await userEvent.click(screen.getByRole('button', { name: 'Siguiente' }));
    await userEvent.click(screen.getByRole('button', { name: 'Siguiente' }));
    expect(heading()).toHaveTextContent('mayo de 2021');
    expect(document.querySelector('[aria-current="date"]')).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Año'), '2023');
    await userEvent.selectOptions(screen.getByLabelText('Mes'), '6');
    expect(heading()).toHaveTextContent('julio de 2023');
    await waitFor(() => expect(asked.at(-1)).toMatchObject({ from: '2023-07-01', to: '2023-07-31' }));

    await userEvent.click(screen.getByRole('button', { name: 'Hoy' }));
    expect(heading()).toHaveTextContent('marzo de 2021');
    await waitFor(() => expect(focusedDay()).toBe('15'));
    expect(document.activeElement).toHaveAttribute('aria-current', 'date');
  });

  it('plans an illumination requested by the embassy as it names itself, never «Embajada de Perú»', async () => {
    mockCommands((cmd) => {
      if (cmd === 'illumination_calendar') {
        return [{ date: '2021-07-28', country: 'PE', name_es: 'Día de la Independencia', name_en: 'Independence Day', colors_es: null, colors_en: null, embassy: { es: 'Embajada del Perú en México', en: 'Embassy of Peru in Mexico' } }];
      }
      if (cmd === 'list_activities') return { items: [], total: 0, offset: 0 };
      if (cmd === 'follow_ups_due') return [];
      if (cmd === 'agreements_expiring') return [];
      return null;
    });
    render(Calendar);
    await userEvent.click(screen.getByRole('tab', { name: /Iluminaciones/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Planear iluminación' }));
    expect(router.route).toMatchObject({ screen: 'form', prefill: { status: 'planned', details: { requested_by: 'Embajada del Perú en México' } } });
  });
});
