// The table of values as offices type them (tests/fixtures/typed_values.json, which the core's
// tests read through the form's reader and the spreadsheet import): the form sends each to the
// core exactly as typed, shows how the core read it, and when it reads two ways offers the
// readings to choose from instead of saving.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ActivityForm from '../src/screens/ActivityForm.svelte';
import type { FieldError } from '../src/lib/bindings/FieldError';
import type { FormCheck } from '../src/lib/bindings/FormCheck';
import { session } from '../src/lib/session.svelte';
import { countries, schemas } from './fixtures';
import { mockCommands } from './ipc';
import typedValues from '../../tests/fixtures/typed_values.json';

type Case = { typed: string; kept?: string; asked?: string[] };
const table: { amounts: Case[]; dates: Case[] } = typedValues;

type Sent = { start_date: string; countries?: string[]; details: Record<string, unknown> };

/** A core that answers the table's amounts and dates the way the Rust tests prove it does. */
function core(sent: Sent[], saved: Sent[]) {
  mockCommands((cmd, args) => {
    const input = (args as { input: Sent }).input;
    switch (cmd) {
      case 'list_drafts': return [];
      case 'list_organisations': return [];
      case 'save_draft': return null;
      case 'validate_activity': {
        sent.push(input);
        return check(input);
      }
      case 'save_activity': {
        const { errors } = check(input);
        if (errors.length) throw { code: 'invalid', message: { es: 'Hay datos por corregir.', en: 'Fix' }, fields: errors };
        saved.push(input);
        return { id: 'a1', title: 'Donación' };
      }
      default: return null;
    }
  });
}

function check(input: Sent): FormCheck {
  const out: FormCheck = { errors: [], readings: [] };
  const amount = table.amounts.find((c) => c.typed === input.details.amount);
  if (amount?.kept) out.readings.push({ field: 'details.amount', shown: { es: `${amount.kept} USD`, en: `${amount.kept} USD` } });
  if (amount?.asked) {
    const choices = amount.asked.map((value) => ({ value, label: { es: value, en: value } }));
    out.errors.push({ field: 'details.amount', message: { es: `«${amount.typed}» se lee de dos maneras`, en: 'reads two ways' }, choices } as FieldError);
  }
  const date = table.dates.find((c) => c.typed === input.start_date);
  if (date?.kept) out.readings.push({ field: 'start_date', shown: { es: `leída: ${date.kept}`, en: date.kept } });
  const countries = input.countries ?? [];
  if (countries.includes('corea')) {
    const choices = [{ value: 'República de Corea', label: { es: 'República de Corea', en: 'South Korea' } }, { value: 'Corea del Norte', label: { es: 'Corea del Norte', en: 'North Korea' } }];
    out.errors.push({ field: `countries[${countries.indexOf('corea')}]`, message: { es: '«corea» puede ser más de un país', en: 'two countries' }, choices });
  }
  return out;
}

const financing = { kind: 'financing' as const, label_es: 'Financiamiento', label_en: 'Financing', fields: [
  { key: 'amount', label_es: 'Monto otorgado', label_en: 'Amount granted', field_type: 'decimal' as const, required: true, options: [] },
  { key: 'currency', label_es: 'Moneda', label_en: 'Currency', field_type: 'currency' as const, required: true, options: [] },
] };

describe('values typed as offices write them', () => {
  beforeEach(() => {
    session.schemas = [...schemas, financing];
    session.countries = [...countries, { code: 'KR', name_es: 'República de Corea', name_en: 'South Korea', variants: [] }, { code: 'KP', name_es: 'Corea del Norte', name_en: 'North Korea', variants: [] }];
    session.currencies = [{ code: 'MXN', minor_units: 2, name_es: 'Peso mexicano', name_en: 'Mexican Peso' }, { code: 'USD', minor_units: 2, name_es: 'Dólar estadounidense', name_en: 'US Dollar' }];
  });

  // One test per value: each renders its own form, and a slow machine gets each its own time.
  it.each(table.amounts)('sends the amount $typed as typed and shows how it reads, or asks which reading', async (c) => {
    const sent: Sent[] = [];
    core(sent, []);
    render(ActivityForm, { route: { screen: 'form', kind: 'financing' } });
    const amount = await screen.findByLabelText(/^Monto otorgado/);
    await userEvent.type(amount, c.typed);
    await userEvent.tab();
    await waitFor(() => expect(sent.at(-1)?.details.amount).toBe(c.typed));
    if (c.kept) {
      expect(await screen.findByText(`Se guardará: ${c.kept} USD`)).toBeInTheDocument();
    } else {
      await userEvent.click(await screen.findByRole('button', { name: c.asked![0] }));
      expect(amount).toHaveValue(c.asked![0]);
    }
  });

  it.each(table.dates)('sends the date $typed as typed and shows how it reads', async (c) => {
    const sent: Sent[] = [];
    core(sent, []);
    render(ActivityForm, { route: { screen: 'form' } });
    await userEvent.type(await screen.findByLabelText(/^Fecha de inicio/), c.typed);
    await waitFor(() => expect(sent.at(-1)?.start_date).toBe(c.typed));
    expect(await screen.findByText(`Se guardará: leída: ${c.kept}`)).toBeInTheDocument();
  });

  it('offers the countries an ambiguous name may be and saves nothing until one is picked', async () => {
    const sent: Sent[] = [];
    const saved: Sent[] = [];
    core(sent, saved);
    render(ActivityForm, { route: { screen: 'form' } });
    await userEvent.type(await screen.findByLabelText(/^Título/), 'Visita');
    await userEvent.type(screen.getByLabelText(/^Fecha de inicio/), '2021-03-01');
    await userEvent.type(screen.getByLabelText('Países'), 'corea{Enter}');
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));
    expect(await screen.findAllByText(/«corea» puede ser más de un país/)).not.toHaveLength(0);
    expect(saved).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Corea del Norte' }));
    expect(screen.getByRole('button', { name: 'Quitar Corea del Norte' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.countries).toEqual(['KP']);
  });

  it('leaves the status to the date unless the person chooses one', async () => {
    const sent: Sent[] = [];
    core(sent, []);
    render(ActivityForm, { route: { screen: 'form' } });
    expect(await screen.findByLabelText(/^Estado/)).toHaveValue('');
    expect(screen.getByRole('option', { name: 'Según la fecha' })).toBeInTheDocument();
  });

  it('does not save the form on Enter in a date field', async () => {
    const saved: Sent[] = [];
    core([], saved);
    render(ActivityForm, { route: { screen: 'form' } });
    await userEvent.type(await screen.findByLabelText(/^Título/), 'Reunión');
    const date = screen.getByLabelText(/^Fecha de inicio/);
    const submitted = vi.fn();
    date.closest('form')!.addEventListener('submit', submitted);
    await userEvent.type(date, '2021-03-01{Enter}');
    expect(submitted).not.toHaveBeenCalled();
    expect(saved).toHaveLength(0);
  });

  it('leaves on Escape, keeping a draft only of what was typed', async () => {
    const drafts: unknown[] = [];
    mockCommands((cmd, args) => {
      if (cmd === 'save_draft') drafts.push(args);
      if (cmd === 'list_drafts' || cmd === 'list_organisations') return [];
      if (cmd === 'validate_activity') return { errors: [], readings: [] };
      return null;
    });
    const untouched = render(ActivityForm, { route: { screen: 'form' } });
    await screen.findByLabelText(/^Título/);
    await userEvent.keyboard('{Escape}');
    expect(drafts).toHaveLength(0);
    untouched.unmount();

    render(ActivityForm, { route: { screen: 'form' } });
    await userEvent.type(await screen.findByLabelText(/^Título/), 'Reunión con Lima');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(drafts).toHaveLength(1));
  });
});
