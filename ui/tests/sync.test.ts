import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { CommandName } from '../src/lib/bindings/commands';
import { mockCommands } from './ipc';
import { describe, expect, it } from 'vitest';
import type { BundlePreview } from '../src/lib/bindings/BundlePreview';
import type { BundleSent } from '../src/lib/bindings/BundleSent';
import type { ConflictView } from '../src/lib/bindings/ConflictView';
import type { SyncStatus } from '../src/lib/bindings/SyncStatus';
import { i18n } from '../src/lib/i18n/index.svelte';
import Toasts from '../src/lib/components/Toasts.svelte';
import Sync from '../src/screens/Sync.svelte';

const ana = { id: '0193a4f0-7c1e-7d2a-9f4b-3c2d1e0f9a8b', name: 'Ana López', role: 'officer' as const, minisign: 'RWQ', age: 'age1' };
const centralId = { id: '0193a4f0-7c1e-7d2a-9f4b-000000000001', name: 'Oficina Central', role: 'central' as const, minisign: 'RWR', age: 'age1c' };

function centralStatus(): SyncStatus {
  return {
    identity: centralId,
    public_text: '# Enlace: identidad pública\nnombre: Oficina Central\n',
    peers: [{ peer: ana, unacknowledged: 5, unsent: 2, last_sent: 0, received: [2, 3], missing: [1], last_received_at: '2026-11-28T10:00:00Z' }],
    unacknowledged: 5,
    unsent: 2,
    open_conflicts: 1,
    clock_warning: null,
    series_renewal: null,
  };
}

const conflict: ConflictView = {
  activity_id: '0190a0b0-0000-7000-8000-000000000001',
  title: 'Reunión con la Embajada de Perú',
  field: 'title',
  kind: 'meeting',
  values: [
    { field: 'title', value: 'Reunión con el Embajador', shown: { es: 'Reunión con el Embajador', en: 'Reunión con el Embajador' }, by: 'Oficina Central', at: '2026-11-28T09:00:00Z' },
    { field: 'title', value: 'Reunión de trabajo', shown: { es: 'Reunión de trabajo', en: 'Reunión de trabajo' }, by: 'Ana López', at: '2026-11-28T08:00:00Z' },
  ],
};

/** A conflict on a list of countries: shown in words, written as names separated by semicolons. */
const countriesConflict: ConflictView = {
  activity_id: '0190a0b0-0000-7000-8000-000000000002',
  title: 'Foro de ciudades',
  field: 'countries',
  kind: 'event',
  values: [
    { field: 'countries', value: ['PE', 'CL'], shown: { es: 'Perú, Chile', en: 'Peru, Chile' }, by: 'Oficina Central', at: '2026-11-28T09:00:00Z' },
    { field: 'countries', value: ['PE'], shown: { es: 'Perú', en: 'Peru' }, by: 'Ana López', at: '2026-11-28T08:00:00Z' },
  ],
};

const preview: BundlePreview = {
  sender: ana,
  number: 4,
  created_at: '2026-11-28T11:00:00Z',
  full: false,
  counts: { changes: 30, upserts: 18, deletions: 12, attachments: 0, attachment_bytes: 0 },
  expected: {
    sender: 'Ana López', number: 4, applied: 30, skipped: 0, conflicted: 1, overwritten: 6, deleted: 12, pending: 0, foreign: 0,
    files_not_received: 0, records_before: 40, missing_bundles: [], warnings: [], duplicates: [],
  },
  needs_confirmation: true,
  clock_ahead: null,
};

type Calls = Record<string, unknown[]>;

function backend(overrides: Partial<Record<CommandName, (args: unknown) => unknown>> = {}): Calls {
  const calls: Calls = {};
  mockCommands((cmd, args) => {
    (calls[cmd] ??= []).push(args);
    const override = overrides[cmd];
    if (override) return override(args);
    if (cmd === 'sync_status') return centralStatus();
    if (cmd === 'list_conflicts') return [conflict];
    if (cmd === 'preview_bundle') return preview;
    if (cmd === 'import_bundle') return { ...preview.expected };
    return null;
  });
  return calls;
}

describe('sync screen', () => {
  it('shows the changes not sent and not acknowledged, and the bundles missing per officer', async () => {
    backend();
    render(Sync);
    expect(await screen.findByText('Enlaces aceptados')).toBeInTheDocument();
    expect(document.querySelector('[data-sync-unsent]')).toHaveTextContent('2');
    expect(document.querySelector('[data-sync-unacked]')).toHaveTextContent('5');
    expect(screen.getByText(/Paquete 1 de Ana López aún no recibido/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Conflictos (1)' })).toBeInTheDocument();
  });

  it('says when a restored copy numbers its changes in a new series, in both languages', async () => {
    backend({
      sync_status: () => ({
        ...centralStatus(),
        series_renewal: { how: 'restored', at: '2026-11-30T10:00:00Z', series: '0193b000-aaaa-7bbb-8ccc-000000000009', previous: null },
      }),
    });
    render(Sync);
    const notice = await screen.findByText(/Esta copia se restauró el .*2026.*serie nueva \(0193b000…\)/);
    expect(notice).toHaveAttribute('data-series-renewal');
    i18n.locale = 'en';
    expect(await screen.findByText(/This copy was restored on .*new series \(0193b000…\)/)).toBeInTheDocument();
  });

  it('shows what a bundle will change and applies it only once a mass change is confirmed', async () => {
    const calls = backend();
    render(Sync);
    await userEvent.click(await screen.findByRole('button', { name: /Importar paquete/ }));
    const summary = await screen.findByRole('region', { name: 'Paquete 4 de Ana López' });
    expect(within(summary).getByText(/Firma verificada/)).toBeInTheDocument();
    expect(summary.querySelector('[data-count="deleted"]')).toHaveTextContent('12');
    expect(summary.querySelector('[data-count="conflicted"]')).toHaveTextContent('1');
    expect(within(summary).getByText(/modificaría 6 y borraría 12 de los 40 registros/)).toBeInTheDocument();

    const apply = within(summary).getByRole('button', { name: 'Aplicar paquete' });
    expect(apply).toBeDisabled();
    expect(calls.import_bundle).toBeUndefined();
    await userEvent.click(within(summary).getByLabelText(/Entiendo y quiero aplicarlo/));
    await userEvent.click(apply);

    expect(calls.import_bundle).toEqual([{ confirm: true, acceptClockSkew: false }]);
    const result = await screen.findByRole('region', { name: /Paquete 4 de Ana López aplicado/ });
    expect(result.querySelector('[data-count="applied"]')).toHaveTextContent('30');
    expect(result.querySelector('[data-count="conflicted"]')).toHaveTextContent('1');
  });

  it('names each attachment whose file could not go in the bundle sent', async () => {
    const officer: SyncStatus = {
      ...centralStatus(),
      identity: ana,
      peers: [{ peer: centralId, unacknowledged: 1, unsent: 3, last_sent: 4, received: [], missing: [], last_received_at: null }],
      open_conflicts: 0,
    };
    const sent: BundleSent = {
      path: '/tmp/ana-lopez-para-oficina-central-0005.enlace',
      files_not_sent: [
        { file_name: 'video.mp4', size: 150 * 1024 * 1024, limit: 100 * 1024 * 1024 },
        { file_name: 'acta.pdf', size: null, limit: 100 * 1024 * 1024 },
      ],
    };
    const calls = backend({ sync_status: () => officer, list_conflicts: () => [], export_bundle: () => sent });
    render(Toasts);
    render(Sync);
    await userEvent.click(await screen.findByRole('button', { name: /Enviar a la oficina central/ }));
    expect(calls.export_bundle).toHaveLength(1);
    expect(await screen.findByText(/Paquete guardado en \/tmp\/ana-lopez-para-oficina-central-0005\.enlace/)).toBeInTheDocument();
    expect(screen.getByText('El adjunto «video.mp4» (150.0 MiB) pasa el límite de 100.0 MiB y no va en el paquete.')).toBeInTheDocument();
    expect(screen.getByText('El archivo del adjunto «acta.pdf» no está en esta computadora y no va en el paquete.')).toBeInTheDocument();
  });

  it('says the import warnings in the language of the window', async () => {
    const warned: BundlePreview = {
      ...preview,
      needs_confirmation: false,
      expected: { ...preview.expected, missing_bundles: [3], warnings: [{ es: 'falta el paquete 3 de Ana López', en: 'bundle 3 from Ana López is missing' }] },
    };
    backend({ preview_bundle: () => warned });
    render(Sync);
    await userEvent.click(await screen.findByRole('button', { name: /Importar paquete/ }));
    expect(await screen.findByText('⚠ falta el paquete 3 de Ana López')).toBeInTheDocument();
    i18n.locale = 'en';
    expect(await screen.findByText('⚠ bundle 3 from Ana López is missing')).toBeInTheDocument();
  });

  it('shows why a bad bundle was refused and that nothing changed', async () => {
    const calls = backend({
      preview_bundle: () => {
        throw { code: 'invalid', message: { es: 'paquete rechazado; nada se modificó: la firma no corresponde', en: 'bundle rejected; nothing changed: bad signature' }, fields: [] };
      },
    });
    render(Sync);
    await userEvent.click(await screen.findByRole('button', { name: /Importar paquete/ }));
    expect(await screen.findByText(/la firma no corresponde/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Aplicar paquete' })).not.toBeInTheDocument();
    expect(calls.import_bundle).toBeUndefined();
  });

  it('resolves a conflict by keeping the other value or writing a new one', async () => {
    const calls = backend();
    render(Sync);
    await userEvent.click(await screen.findByRole('radio', { name: /Reunión de trabajo/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Resolver' }));
    expect(calls.resolve_conflict).toEqual([{ activity: conflict.activity_id, field: 'title', choice: { type: 'keep', value: 1 } }]);

    await userEvent.click(screen.getByRole('radio', { name: /Escribir otro valor/ }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Escribir otro valor: Título' }), 'Reunión con la Embajada del Perú');
    await userEvent.click(screen.getByRole('button', { name: 'Resolver' }));
    expect(calls.resolve_conflict?.[1]).toEqual({ activity: conflict.activity_id, field: 'title', choice: { type: 'value', value: 'Reunión con la Embajada del Perú' } });
  });

  it('names a conflict by its field label, shows values in words, and reads a typed list without JSON', async () => {
    const calls = backend({ list_conflicts: () => [countriesConflict] });
    render(Sync);
    expect(await screen.findByText('— Países')).toBeInTheDocument();
    expect(screen.getByText('Perú, Chile')).toBeInTheDocument();
    expect(screen.queryByText(/countries|\["PE"/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: /Escribir otro valor/ }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Escribir otro valor: Países' }), 'Perú; Chile; Colombia');
    await userEvent.click(screen.getByRole('button', { name: 'Resolver' }));
    expect(calls.resolve_conflict).toEqual([{ activity: countriesConflict.activity_id, field: 'countries', choice: { type: 'value', value: ['Perú', 'Chile', 'Colombia'] } }]);
  });

  it('creates the identity with the role chosen, and reads in English', async () => {
    const calls = backend({
      sync_status: () => ({ identity: null, public_text: null, peers: [], unacknowledged: 0, unsent: 0, open_conflicts: 0, clock_warning: null, series_renewal: null }),
      create_identity: () => ({ ...centralStatus(), peers: [] }),
    });
    render(Sync);
    await userEvent.click(await screen.findByRole('radio', { name: /Oficina central/ }));
    await userEvent.clear(screen.getByLabelText('Nombre de esta copia'));
    await userEvent.type(screen.getByLabelText('Nombre de esta copia'), 'Oficina Central');
    await userEvent.click(screen.getByRole('button', { name: 'Crear identidad' }));
    expect(calls.create_identity).toEqual([{ name: 'Oficina Central', role: 'central' }]);
    expect(await screen.findByText('Todavía no hay enlaces en el registro.')).toBeInTheDocument();
    i18n.locale = 'en';
    expect(await screen.findByText('No officers in the roster yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });
});
