import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import DateInput from '../src/lib/components/dates/DateInput.svelte';
import { monthWeeks, weekStart } from '../src/lib/components/dates/dates';
import { i18n } from '../src/lib/i18n/index.svelte';
import { mockCommands } from './ipc';

type Reading = { first: string; last: string; shown: { es: string; en: string } };

/** The core's date reader for the texts these tests type; anything else does not read. */
function reader(readings: Record<string, Reading>) {
  const asked: unknown[] = [];
  mockCommands((cmd, args) => {
    if (cmd !== 'read_date') return null;
    asked.push(args);
    const r = readings[String(args.text)];
    if (!r) throw { code: 'invalid', message: { es: `no se reconoce «${args.text}» como fecha`, en: `«${args.text}» is not a date` }, fields: [] };
    return r;
  });
  return asked;
}

const day = (iso: string, es: string, en: string): Reading => ({ first: iso, last: iso, shown: { es, en } });

describe('the date field', () => {
  it('shows its day in Spanish figures, reads what is typed through the core and says how it read it', async () => {
    const asked = reader({ 'julio de 2021': { first: '2021-07-01', last: '2021-07-31', shown: { es: 'julio de 2021', en: 'July 2021' } } });
    const onchange = vi.fn();
    render(DateInput, { id: 'to', label: 'Hasta', value: '2021-07-27', bound: 'last', onchange });
    const input = screen.getByLabelText('Hasta');
    expect(input).toHaveValue('27/07/2021');
    expect(input).toHaveAttribute('placeholder', 'dd/mm/aaaa');

    await fireEvent.input(input, { target: { value: 'julio de 2021' } });
    expect(await screen.findByText('Se leerá: julio de 2021')).toBeInTheDocument();
    // A month in a "to" field ends the period on its last day.
    expect(onchange).toHaveBeenCalledWith('2021-07-31');
    expect(asked).toEqual([{ text: 'julio de 2021', lang: 'es' }]);
    expect(input).toHaveAccessibleDescription('Se leerá: julio de 2021');
  });

  it('says plainly what does not read and keeps the day it had', async () => {
    reader({});
    const onchange = vi.fn();
    render(DateInput, { id: 'from', label: 'Desde', value: '2021-01-01', onchange });
    const input = screen.getByLabelText('Desde');
    await fireEvent.input(input, { target: { value: 'mañana' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('no se reconoce «mañana» como fecha');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(onchange).not.toHaveBeenCalled();
    expect(input).toHaveValue('mañana');
  });

  it('shows US figures in English and asks the core to read them as such', async () => {
    i18n.locale = 'en';
    const asked = reader({ '08/05/2021': day('2021-08-05', '5 de agosto de 2021', '5 August 2021') });
    const onchange = vi.fn();
    render(DateInput, { id: 'from', label: 'From', value: '2021-07-27', onchange });
    const input = screen.getByLabelText('From');
    expect(input).toHaveValue('07/27/2021');
    await fireEvent.input(input, { target: { value: '08/05/2021' } });
    expect(await screen.findByText('Reads as: 5 August 2021')).toBeInTheDocument();
    expect(asked).toEqual([{ text: '08/05/2021', lang: 'en' }]);
    expect(onchange).toHaveBeenCalledWith('2021-08-05');
  });

  it('is one tab stop, and its calendar is used from the keyboard', async () => {
    reader({ '28/07/2021': day('2021-07-28', '28 de julio de 2021', '28 July 2021') });
    const onchange = vi.fn();
    const user = userEvent.setup();
    render(DateInput, { id: 'from', label: 'Desde', value: '2021-07-27', onchange });
    await user.tab();
    const input = screen.getByLabelText('Desde');
    expect(input).toHaveFocus();

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    const calendar = screen.getByRole('dialog', { name: 'Calendario' });
    expect(calendar).toHaveTextContent(/julio de 2021/);
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-day', '2021-07-27'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toHaveAttribute('data-day', '2021-07-28');
    await user.keyboard('{Enter}');

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(input).toHaveFocus();
    expect(input).toHaveValue('28/07/2021');
    await waitFor(() => expect(onchange).toHaveBeenCalledWith('2021-07-28'));

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await user.keyboard('{PageDown}{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(input).toHaveFocus();
  });
});

describe('a month of the calendar', () => {
  it('starts its weeks on Monday in Spanish and on Sunday in English', () => {
    // 1 July 2021 was a Thursday.
    const es = monthWeeks(2021, 6, weekStart('es'));
    const en = monthWeeks(2021, 6, weekStart('en'));
    expect(es[0]!.findIndex((d) => d !== null)).toBe(3);
    expect(en[0]!.findIndex((d) => d !== null)).toBe(4);
    expect(es.flat().filter(Boolean)).toHaveLength(31);
    expect(es.every((w) => w.length === 7)).toBe(true);
  });
});
