import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { CommandName } from '../src/lib/bindings/commands';
import { mockCommands } from './ipc';
import { describe, expect, it } from 'vitest';
import Reports from '../src/screens/Reports.svelte';
import type { Progress } from '../src/lib/bindings/Progress';
import type { ReportDefinition } from '../src/lib/bindings/ReportDefinition';
import { i18n } from '../src/lib/i18n/index.svelte';
import { session } from '../src/lib/session.svelte';
import { countries, schemas } from './fixtures';

type Args = Record<string, unknown>;

/** Activity counts as the backend gives them: 187 in the second semester of 2021, none before. */
function stats(filter: { from?: string; to?: string }) {
  const inSecond = (filter.to ?? '9999') >= '2021-07-01' && (filter.from ?? '0000') <= '2021-12-31';
  const total = inSecond ? 187 : 0;
  return {
    total,
    by_kind: [],
    by_country: total ? [{ key: 'PE', count: 12 }, { key: 'FR', count: 9 }] : [],
    by_axis: [],
    by_month: [{ key: '2021-03', count: 40, from: '2021-03-01', to: '2021-03-31' }, { key: '2021-08', count: 187, from: '2021-08-01', to: '2021-08-31' }],
    // A year counts what takes place in it (a project running all year counts once), not the sum of its months.
    by_year: [{ key: '2020', count: 0, from: '2020-01-01', to: '2020-12-31' }, { key: '2021', count: 210, from: '2021-01-01', to: '2021-12-31' }],
    participants_trained: 0,
    financing: [],
  };
}

/** The core's date reader, for the two dates these tests type. */
function readDate(text: string) {
  const days: Record<string, [string, string]> = { '31/12/2021': ['2021-12-31', '31 de diciembre de 2021'], '1 de julio de 2021': ['2021-07-01', '1 de julio de 2021'] };
  const [iso, es] = days[text]!;
  return { first: iso, last: iso, shown: { es, en: es } };
}

/** Mocks the backend; `handlers` answer the report commands, stats are always answered and
 * there are no saved definitions, generated reports nor partners unless a handler says otherwise. */
function backend(handlers: Partial<Record<CommandName, (args: Args) => unknown>> = {}) {
  const calls: { cmd: string; args: Args }[] = [];
  const lists: Partial<Record<CommandName, () => unknown>> = { list_report_definitions: () => [], list_generated_reports: () => [], list_organisations: () => [] };
  mockCommands((cmd, args) => {
    calls.push({ cmd, args: args as Args });
    if (cmd === 'activity_stats') return stats((args as { filter: { from?: string; to?: string } }).filter);
    if (cmd === 'read_date') return readDate(String(args.text));
    return (handlers[cmd] ?? lists[cmd])?.(args as Args) ?? null;
  });
  return calls;
}

const noSignOff = { prepared: { name: '', post: '' }, reviewed: { name: '', post: '' }, authorised: { name: '', post: '' } };

/** A saved definition as the backend lists it. */
function savedDefinition(overrides: Partial<ReportDefinition> = {}): ReportDefinition {
  return {
    name: 'Informe semestral',
    from: '2021-07-01',
    to: '2021-12-31',
    axes: ['Ciudad Sustentable'],
    kinds: [],
    countries: [],
    statuses: ['done'],
    lang: 'es',
    paper: 'a4',
    narrative: { presentation: 'Un **gran** semestre.', introductions: { 'Ciudad Sustentable': 'Agua y clima.' } },
    sign_off: { ...noSignOff, prepared: { name: 'Lucía Hernández', post: 'Jefa de Unidad' } },
    compare: false,
    ...overrides,
  };
}

function setup() {
  session.schemas = schemas;
  session.countries = countries;
  session.axes = [{ id: 'a1', name: 'Ciudad Sustentable', position: 1, set: 'Plan de gobierno', archived: false, cross_cutting: false, offered: true }];
}

async function pickSecondSemesterOf2021() {
  const year = await screen.findByRole('option', { name: /^2021/ });
  await userEvent.selectOptions(screen.getByLabelText('Año'), year);
  await userEvent.click(screen.getByRole('button', { name: 'Julio–diciembre' }));
}

describe('the reports screen', () => {
  it('fills the dates from the semester and year presets and counts what the report holds', async () => {
    setup();
    backend();
    render(Reports);
    await pickSecondSemesterOf2021();
    expect(screen.getByLabelText(/Desde/)).toHaveValue('01/07/2021');
    expect(screen.getByLabelText(/Hasta/)).toHaveValue('31/12/2021');
    expect(screen.getByRole('button', { name: 'Julio–diciembre' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByText('187 actividades en el periodo con estos filtros.')).toBeInTheDocument();
    // The year option says how many activities the year has.
    expect(screen.getByRole('option', { name: '2021 (210 actividades)' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /^2020/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Enero–junio' }));
    expect(screen.getByLabelText(/Desde/)).toHaveValue('01/01/2021');
    expect(screen.getByLabelText(/Hasta/)).toHaveValue('30/06/2021');
    expect(await screen.findByText(/No hay actividades en este periodo/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Año completo' }));
    expect(screen.getByLabelText(/Desde/)).toHaveValue('01/01/2021');
    expect(screen.getByLabelText(/Hasta/)).toHaveValue('31/12/2021');
  });

  it('refuses a period that ends before it starts, and says so next to the date', async () => {
    setup();
    const calls = backend();
    render(Reports);
    await pickSecondSemesterOf2021();
    await fireEvent.input(screen.getByLabelText(/Desde/), { target: { value: '31/12/2021' } });
    await fireEvent.input(screen.getByLabelText(/Hasta/), { target: { value: '1 de julio de 2021' } });
    expect(await screen.findByText('La fecha final es anterior a la inicial.')).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'read_date').map((c) => c.args)).toEqual([
      { text: '31/12/2021', lang: 'es' },
      { text: '1 de julio de 2021', lang: 'es' },
    ]);
    expect(screen.getByLabelText(/Hasta/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Generar informe' })).toBeDisabled();
    await fireEvent.submit(screen.getByRole('button', { name: 'Generar informe' }).closest('form')!);
    expect(calls.some((c) => c.cmd === 'save_period_report')).toBe(false);
  });

  it('shows the progress while the PDF renders and cancels the job', async () => {
    setup();
    let sendProgress: (p: Progress) => void = () => {};
    let fail: (e: unknown) => void = () => {};
    const calls = backend({
      save_period_report: (args) => {
        sendProgress = (args.progress as { onmessage: (p: Progress) => void }).onmessage;
        return new Promise((_, reject) => (fail = reject));
      },
      cancel_job: () => {
        fail({ code: 'cancelled', message: { es: 'Operación cancelada.', en: 'Operation cancelled.' }, fields: [] });
        return true;
      },
    });
    render(Reports);
    await pickSecondSemesterOf2021();
    await userEvent.selectOptions(screen.getByLabelText('Eje'), 'Ciudad Sustentable');
    await userEvent.click(screen.getByLabelText('A4'));
    await userEvent.click(screen.getByLabelText(/Incluir las programadas/));
    await userEvent.click(screen.getByRole('button', { name: 'Generar informe' }));

    const request = calls.find((c) => c.cmd === 'save_period_report')!.args;
    expect(request.options).toEqual({
      name: '', from: '2021-07-01', to: '2021-12-31', axes: ['Ciudad Sustentable'], kinds: [], countries: [], statuses: ['done', 'planned'], lang: 'es', paper: 'a4',
      narrative: { presentation: '', introductions: {} }, sign_off: noSignOff, compare: false,
    });
    sendProgress({ done: 3, total: 10 });
    const bar = await screen.findByLabelText('Generando el PDF…');
    await waitFor(() => expect(bar).toHaveAttribute('value', '3'));
    expect(bar).toHaveAttribute('max', '10');
    expect(screen.getByText('3 / 10')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generar informe' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(calls.find((c) => c.cmd === 'cancel_job')!.args.job).toBe(request.job);
    await waitFor(() => expect(screen.queryByLabelText('Generando el PDF…')).not.toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generar informe' })).toBeEnabled();
  });

  it('tells where the PDF was saved and opens it on request', async () => {
    setup();
    const calls = backend({ save_period_report: () => ({ path: '/tmp/informe-2021-S2.pdf', bytes: 215_000 }) });
    render(Reports);
    await pickSecondSemesterOf2021();
    await userEvent.click(screen.getByRole('button', { name: 'Generar informe' }));
    expect(await screen.findByText('PDF guardado en /tmp/informe-2021-S2.pdf (210 KB).')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Abrir el PDF' }));
    expect(calls.find((c) => c.cmd === 'open_saved_pdf')!.args).toEqual({ path: '/tmp/informe-2021-S2.pdf' });
  });

  it("makes a partner's dossier over all years and the agreements register", async () => {
    setup();
    const organisations = [
      { id: 'o1', name: 'Sin actividades', kind: 'other', country: null, activities: 0 },
      { id: 'o2', name: 'Embajada del Perú', kind: 'embassy', country: 'PE', activities: 3 },
    ];
    const calls = backend({
      list_organisations: () => organisations,
      save_partner_dossier: () => ({ path: '/tmp/ficha-embajada-del-peru.pdf', bytes: 30_000 }),
      save_register: () => ({ path: '/tmp/registro-convenios.pdf', bytes: 20_000 }),
    });
    render(Reports);
    const choice = await screen.findByLabelText('Contraparte');
    await waitFor(() => expect(within(choice).getAllByRole('option').map((o) => o.textContent)).toEqual(['Elija una contraparte', 'Embajada del Perú (3)']));
    await userEvent.selectOptions(choice, 'Embajada del Perú');
    await userEvent.click(screen.getByRole('button', { name: 'Generar ficha de la contraparte' }));
    expect(await screen.findByText(/PDF guardado en \/tmp\/ficha-embajada-del-peru\.pdf/)).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'save_partner_dossier')!.args.options).toEqual({ partner: 'Embajada del Perú', lang: 'es', paper: 'letter' });
    await userEvent.click(screen.getByRole('button', { name: 'Generar registro de convenios' }));
    expect(await screen.findByText(/PDF guardado en \/tmp\/registro-convenios\.pdf/)).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'save_register')!.args).toMatchObject({ lang: 'es', paper: 'letter', format: 'pdf' });
  });

  it('makes the report as a Word document when Word is chosen', async () => {
    setup();
    const calls = backend({ save_period_report: () => ({ path: '/tmp/informe-2021-S2.docx', bytes: 41_000 }) });
    render(Reports);
    await pickSecondSemesterOf2021();
    await userEvent.click(screen.getByLabelText('Word, para editar'));
    await userEvent.click(screen.getByRole('button', { name: 'Generar informe' }));
    expect(await screen.findByText('Documento de Word guardado en /tmp/informe-2021-S2.docx (41 KB).')).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'save_period_report')!.args.format).toBe('docx');
    await userEvent.click(screen.getByRole('button', { name: 'Abrir el documento' }));
    expect(calls.find((c) => c.cmd === 'open_saved_pdf')!.args).toEqual({ path: '/tmp/informe-2021-S2.docx' });
  });

  it('shows the backend refusal of an empty period in the window language', async () => {
    setup();
    i18n.locale = 'en';
    backend({
      save_country_brief: () => {
        throw { code: 'not_found', message: { es: 'No hay actividades registradas con Perú…', en: 'No activities are recorded with Peru…' }, fields: [] };
      },
    });
    render(Reports);
    const year = await screen.findByRole('option', { name: /^2021/ });
    await userEvent.selectOptions(screen.getByLabelText('Year'), year);
    await userEvent.click(screen.getByRole('button', { name: 'July–December' }));
    await userEvent.selectOptions(screen.getByLabelText('Country to brief on'), await screen.findByRole('option', { name: 'Peru (12)' }));
    expect(screen.getByLabelText('Document language')).toHaveValue('en');
    await userEvent.click(screen.getByRole('button', { name: 'Make country brief' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No activities are recorded with Peru…');
  });

  it('sends the presentation, an axis introduction and the signatures with the report, then lists it with its SHA-256', async () => {
    setup();
    const sha = 'ab12cd34ef56' + '0'.repeat(52);
    let made: unknown[] = [];
    const calls = backend({
      save_period_report: () => {
        made = [{ id: 1, definition: null, parameters: savedDefinition({ name: '' }), generated_by: 'Lucía', generated_at: '2026-11-30T20:00:00Z', file_name: 'informe-2021-S2.pdf', sha256: sha, size: 215_000 }];
        return { path: '/tmp/informe-2021-S2.pdf', bytes: 215_000 };
      },
      list_generated_reports: () => made,
    });
    render(Reports);
    expect(await screen.findByText('Aún no se ha generado ningún informe.')).toBeInTheDocument();
    await pickSecondSemesterOf2021();
    await userEvent.type(screen.getByLabelText('Presentación'), 'Un semestre de **trabajo**.');
    await userEvent.click(screen.getByText('Introducción de cada eje'));
    await userEvent.type(screen.getByLabelText('Introducción: Ciudad Sustentable'), 'Agua y clima.');
    const prepared = within(screen.getByRole('group', { name: 'Elaboró' }));
    await userEvent.type(prepared.getByLabelText('Nombre'), 'Lucía Hernández');
    await userEvent.type(prepared.getByLabelText('Cargo'), 'Jefa de Unidad');
    await userEvent.click(screen.getByRole('button', { name: 'Generar informe' }));

    const options = calls.find((c) => c.cmd === 'save_period_report')!.args.options as ReportDefinition;
    expect(options.narrative).toEqual({ presentation: 'Un semestre de **trabajo**.', introductions: { 'Ciudad Sustentable': 'Agua y clima.' } });
    expect(options.sign_off).toEqual({ ...noSignOff, prepared: { name: 'Lucía Hernández', post: 'Jefa de Unidad' } });
    expect(options.name).toBe('');

    const hash = await screen.findByText('ab12cd34ef56…');
    expect(hash).toHaveAttribute('title', sha);
    const row = hash.closest('tr')!;
    expect(row).toHaveTextContent('informe-2021-S2.pdf');
    expect(row).toHaveTextContent('Lucía');
    expect(row).toHaveTextContent('1 de julio');
  });

  it('fills the form from a saved definition, and saves one under the name given', async () => {
    setup();
    const calls = backend({
      list_report_definitions: () => [savedDefinition(), savedDefinition({ name: 'Anual', from: '2021-01-01', axes: [] })],
      save_report_definition: (args) => args.definition,
      save_period_report: () => null,
    });
    render(Reports);
    await userEvent.selectOptions(screen.getByLabelText('Definiciones guardadas'), await screen.findByRole('option', { name: 'Informe semestral' }));
    expect(screen.getByLabelText(/Desde/)).toHaveValue('01/07/2021');
    expect(screen.getByLabelText('Eje')).toHaveValue('Ciudad Sustentable');
    expect(screen.getByLabelText('A4')).toBeChecked();
    expect(screen.getByLabelText('Presentación')).toHaveValue('Un **gran** semestre.');
    expect(screen.getByLabelText('Introducción: Ciudad Sustentable')).toHaveValue('Agua y clima.');
    expect(within(screen.getByRole('group', { name: 'Elaboró' })).getByLabelText('Nombre')).toHaveValue('Lucía Hernández');
    expect(screen.getByLabelText('Nombre de la definición')).toHaveValue('Informe semestral');

    // Generating from it names it in the record.
    await userEvent.click(screen.getByRole('button', { name: 'Generar informe' }));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_period_report')).toBe(true));
    expect((calls.find((c) => c.cmd === 'save_period_report')!.args.options as ReportDefinition).name).toBe('Informe semestral');

    // Saving under a new name sends everything the form says.
    const name = screen.getByLabelText('Nombre de la definición');
    await userEvent.clear(name);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar definición' }));
    expect(screen.getByText('Escriba un nombre para guardar la definición.')).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'save_report_definition')).toBe(false);
    await userEvent.type(name, 'Informe S2 2021');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar definición' }));
    const sent = calls.find((c) => c.cmd === 'save_report_definition')!.args.definition as ReportDefinition;
    expect(sent).toEqual(savedDefinition({ name: 'Informe S2 2021' }));
    expect(await screen.findByRole('option', { name: 'Informe S2 2021' })).toBeInTheDocument();
  });

  it('keeps a saved filter of several axes when the report is made from it', async () => {
    setup();
    const axis = { set: 'Plan de gobierno', archived: false, cross_cutting: false, offered: true };
    session.axes = [{ id: 'a1', name: 'Ciudad Sustentable', position: 1, ...axis }, { id: 'a2', name: 'Igualdad de Derechos', position: 2, ...axis }];
    const calls = backend({
      list_report_definitions: () => [savedDefinition({ axes: ['Ciudad Sustentable', 'Igualdad de Derechos'] })],
      save_period_report: () => null,
    });
    render(Reports);
    await userEvent.selectOptions(screen.getByLabelText('Definiciones guardadas'), await screen.findByRole('option', { name: 'Informe semestral' }));
    expect(screen.getByLabelText('Eje')).toHaveDisplayValue('Ciudad Sustentable, Igualdad de Derechos');
    await userEvent.click(screen.getByRole('button', { name: 'Generar informe' }));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_period_report')).toBe(true));
    expect((calls.find((c) => c.cmd === 'save_period_report')!.args.options as ReportDefinition).axes).toEqual(['Ciudad Sustentable', 'Igualdad de Derechos']);
  });
});
