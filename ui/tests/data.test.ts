import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockCommands } from './ipc';
import { describe, expect, it } from 'vitest';
import Data from '../src/screens/Data.svelte';
import type { ImportPlan } from '../src/lib/bindings/ImportPlan';
import type { Mapping } from '../src/lib/bindings/Mapping';
import type { RowDraft } from '../src/lib/bindings/RowDraft';
import type { SheetView } from '../src/lib/bindings/SheetView';
import type { SnapshotInfo } from '../src/lib/bindings/SnapshotInfo';
import { i18n } from '../src/lib/i18n/index.svelte';
import { session } from '../src/lib/session.svelte';
import { countries, schemas } from './fixtures';

const sheet: SheetView = {
  file_name: 'agenda.csv',
  sheets: [],
  sheet: null,
  read_as: { es: 'CSV Windows-1252, delimitador «;»', en: 'CSV Windows-1252, delimiter «;»' },
  headers: ['Fecha', 'Título', 'País', 'Contraparte'],
  samples: ['27/07/2021', 'Reunión con la Embajada de Perú', 'Perú', 'Embajada del Perú'],
  rows: 2,
  mapping: { columns: { Fecha: 'date', Título: 'title', País: 'countries', Contraparte: 'organisations' } },
  reasons: [
    { header: 'Fecha', target: 'date', reason: { es: '«Fecha»: el encabezado y valores de fecha → Fecha o periodo', en: '«Fecha»: the header and date values → Date or span' } },
    { header: 'Título', target: 'title', reason: { es: '«Título»: el encabezado y textos distintos → Título', en: '«Título»: the header and distinct texts → Title' } },
    { header: 'País', target: 'countries', reason: { es: '«País»: el encabezado y nombres de países → Países', en: '«País»: the header and country names → Countries' } },
    { header: 'Contraparte', target: 'organisations', reason: { es: '«Contraparte»: el encabezado → Organizaciones', en: '«Contraparte»: the header → Organisations' } },
  ],
};

const targets = [
  { name: 'ignore', label_es: '(no importar)', label_en: '(do not import)' },
  { name: 'title', label_es: 'Título', label_en: 'Title' },
  { name: 'date', label_es: 'Fecha o periodo', label_en: 'Date or span' },
  { name: 'countries', label_es: 'Países', label_en: 'Countries' },
  { name: 'organisations', label_es: 'Organizaciones', label_en: 'Organisations' },
];

function row(mapping: Mapping): RowDraft {
  return {
    line: 2,
    input: {
      kind: 'meeting', title: 'Reunión con la Embajada de Perú', start_date: '2021-07-27', countries: ['PE'], details: {},
      // As the core sends it: an empty list is left out.
      ...(mapping.columns.Contraparte === 'organisations' ? { organisations: ['Embajada del Perú'] } : {}),
    } as unknown as RowDraft['input'],
    errors: [],
    given: null,
  };
}

const planWithError: ImportPlan = {
  lines: [
    { line: 2, kind: 'meeting', start_date: '2021-07-27', title: 'Reunión con la Embajada de Perú', action: 'create' },
    {
      line: 3, kind: 'meeting', start_date: '2021-07-28', title: 'Visita al C5', action: 'error',
      errors: [{ line: 3, column: 3, header: 'País', field: 'countries[0]', message: { es: '«Atlántida» no corresponde a ningún país conocido', en: '«Atlántida» is no known country' } }],
    },
  ],
};

function backend(calls: { cmd: string; args: Record<string, unknown> }[], plan: ImportPlan = planWithError) {
  session.schemas = schemas;
  session.countries = countries;
  mockCommands((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    switch (cmd) {
      case 'mapping_targets': return targets;
      case 'open_spreadsheet': return sheet;
      case 'preview_spreadsheet': return [row((args as { mapping: Mapping }).mapping)];
      case 'plan_spreadsheet_import': return plan;
      case 'list_backups': return [];
      default: return null;
    }
  });
}

describe('the Data screen', () => {
  it('shows the rows as the adjusted mapping reads them', async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    backend(calls);
    render(Data);
    await userEvent.click(screen.getByRole('button', { name: 'Abrir hoja de cálculo…' }));

    expect(await screen.findByText(/agenda\.csv · 2 filas/)).toBeInTheDocument();
    expect(screen.getByTestId('sheet-file')).toHaveTextContent('delimitador «;»');
    const preview = await waitFor(() => {
      const table = document.getElementById('import-preview');
      expect(table).not.toBeNull();
      return table!;
    });
    expect(within(preview).getByText('Embajada del Perú')).toBeInTheDocument();
    expect(within(preview).getByText('Perú')).toBeInTheDocument();
    expect(within(preview).getByText('27 de julio de 2021')).toBeInTheDocument();

    const select = screen.getByLabelText('Campo para la columna «Contraparte»');
    expect(select).toHaveValue('organisations');
    const why = document.querySelector('[data-reason="Contraparte"]')!;
    expect(why).toHaveTextContent('«Contraparte»: el encabezado → Organizaciones');
    expect(document.querySelector('[data-reason="Fecha"]')).toHaveTextContent('el encabezado y valores de fecha');
    await userEvent.selectOptions(select, 'ignore');
    expect(why).toHaveTextContent('Elegido por usted');

    const last = calls.filter((c) => c.cmd === 'preview_spreadsheet').at(-1)!;
    expect((last.args.mapping as Mapping).columns.Contraparte).toBe('ignore');
    expect(within(document.getElementById('import-preview')!).queryByText('Embajada del Perú')).not.toBeInTheDocument();
  });

  it('lists each dry-run error with its line and column and keeps the import closed while any remains', async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    backend(calls);
    render(Data);
    await userEvent.click(screen.getByRole('button', { name: 'Abrir hoja de cálculo…' }));
    await screen.findByText(/agenda\.csv/);
    await userEvent.click(screen.getByRole('button', { name: 'Simular importación' }));

    const plan = document.getElementById('import-plan')!;
    const bad = await within(plan).findByText(/línea 3, columna 3 «País»: «Atlántida» no corresponde a ningún país conocido/);
    expect(bad).toBeInTheDocument();
    expect(screen.getByText('1 por crear o actualizar · 0 posibles duplicados · 1 con errores')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('no se importará nada mientras haya errores');
    const confirm = screen.getByRole('button', { name: /Confirmar e importar/ });
    expect(confirm).toBeDisabled();
    await userEvent.click(confirm);
    expect(calls.some((c) => c.cmd === 'import_spreadsheet')).toBe(false);
  });

  it('confirms a clean dry run, writes it and a mapping change asks for a new dry run', async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    backend(calls, { lines: planWithError.lines.slice(0, 1) });
    render(Data);
    await userEvent.click(screen.getByRole('button', { name: 'Abrir hoja de cálculo…' }));
    await screen.findByText(/agenda\.csv/);
    await userEvent.click(screen.getByRole('button', { name: 'Simular importación' }));
    const confirm = await screen.findByRole('button', { name: 'Confirmar e importar (1)' });
    expect(confirm).toBeEnabled();

    await userEvent.selectOptions(screen.getByLabelText('Campo para la columna «Contraparte»'), 'ignore');
    expect(screen.queryByRole('button', { name: /Confirmar e importar/ })).not.toBeInTheDocument();
    expect(screen.getByText('El mapeo cambió: vuelva a simular antes de confirmar.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Simular importación' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Confirmar e importar (1)' }));
    const imported = calls.find((c) => c.cmd === 'import_spreadsheet')!;
    expect(imported.args.withDuplicates).toBe(false);
  });

  it('says how the file was read in the window language', async () => {
    i18n.locale = 'en';
    backend([]);
    render(Data);
    await userEvent.click(screen.getByRole('button', { name: 'Open spreadsheet…' }));
    expect(await screen.findByTestId('sheet-file')).toHaveTextContent('CSV Windows-1252, delimiter «;»');
    expect(screen.getByTestId('sheet-file')).not.toHaveTextContent('delimitador');
  });

  it('offers a detail no column holds, set once for every row that lacks it', async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    session.schemas = schemas;
    session.countries = countries;
    mockCommands((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === 'open_spreadsheet') return sheet;
      if (cmd === 'mapping_targets') return targets;
      if (cmd === 'list_backups') return [];
      if (cmd === 'preview_spreadsheet') {
        const m = (args as { mapping: Mapping }).mapping;
        const missing = !m.default_details?.meeting_type;
        const problem = { line: 2, column: null, header: null, field: 'details.meeting_type', message: { es: 'falta el tipo de reunión', en: 'the meeting type is missing' } };
        return [{ ...row(m), errors: missing ? [problem] : [] }];
      }
      return null;
    });
    render(Data);
    await userEvent.click(screen.getByRole('button', { name: 'Abrir hoja de cálculo…' }));
    const once = await screen.findByLabelText('Tipo de reunión de las filas que no lo dicen');
    await userEvent.selectOptions(once, 'De cortesía');
    await waitFor(() => {
      const last = calls.filter((c) => c.cmd === 'preview_spreadsheet').at(-1)!;
      expect((last.args.mapping as Mapping).default_details).toEqual({ meeting_type: 'cortesia' });
    });
    // Set, the field stays offered even though no row lacks it any more.
    expect(screen.getByLabelText('Tipo de reunión de las filas que no lo dicen')).toHaveValue('cortesia');
  });

  it('asks before restoring a backup and restores only after yes', async () => {
    const snapshot: SnapshotInfo = {
      name: '2026-11-23_100000.000Z',
      manifest: { format: 1, created_at: '2026-11-23T10:00:00Z', kind: 'automatic', reason: 'automática', sha256: 'x', activities: 412, files: 3 },
      bytes: 1_250_000,
    };
    const calls: string[] = [];
    session.schemas = schemas;
    session.countries = countries;
    mockCommands((cmd) => {
      calls.push(cmd);
      if (cmd === 'list_backups') return [snapshot];
      if (cmd === 'mapping_targets') return targets;
      if (cmd === 'restore_backup') return { safety_copy: { ...snapshot, name: 'x', manifest: { ...snapshot.manifest, reason: 'antes de restaurar' } }, activities: 412, files_merged: 0 };
      if (cmd === 'app_info') return { version: '0.1.0', data_dir: '/tmp', profile: null };
      if (cmd === 'kind_schemas') return schemas;
      if (cmd === 'list_countries') return countries;
      return null;
    });
    render(Data);
    await userEvent.click(screen.getByRole('tab', { name: 'Respaldos' }));
    const row = await screen.findByRole('row', { name: /automático/ });
    expect(within(row).getByText('412')).toBeInTheDocument();
    expect(within(row).getByText('1.3 MB')).toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Restaurar…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('¿Restaurar el respaldo del');
    expect(calls).not.toContain('restore_backup');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls).not.toContain('restore_backup');

    await userEvent.click(within(row).getByRole('button', { name: 'Restaurar…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sí, restaurar' }));
    // Restored: the window reads its data again.
    await waitFor(() => expect(calls).toContain('app_info'));
    expect(calls.filter((c) => c === 'restore_backup')).toHaveLength(1);
  });
});
