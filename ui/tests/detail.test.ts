import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockCommands } from './ipc';
import { describe, expect, it } from 'vitest';
import ActivityDetail from '../src/screens/ActivityDetail.svelte';
import Toasts from '../src/lib/components/Toasts.svelte';
import { session } from '../src/lib/session.svelte';
import { i18n } from '../src/lib/i18n/index.svelte';
import { activity, countries, schemas } from './fixtures';

const PDF = { hash: 'ab'.repeat(32), file_name: 'minuta-embajada.pdf', media_type: 'application/pdf', size: 2048, added_at: '2026-11-23T10:00:00Z', in_report: false, caption: null, credit: null };
const PHOTO = { ...PDF, hash: 'cd'.repeat(32), file_name: 'firma.jpg', media_type: 'image/jpeg' };

describe('an activity in full', () => {
  it('opens an attachment with the system viewer by its hash, and says so in Spanish when it cannot', async () => {
    session.schemas = schemas;
    session.countries = countries;
    const opened: string[] = [];
    mockCommands((cmd, args) => {
      if (cmd === 'get_activity') return activity({ attachments: [PDF] } as never);
      if (cmd === 'activity_history') return [];
      if (cmd === 'open_attachment') {
        opened.push((args as { hash: string }).hash);
        if (opened.length > 1) throw { code: 'not_found', message: { es: 'No se encontró el archivo adjunto.', en: 'Attachment not found.' }, fields: [] };
      }
      return null;
    });
    render(ActivityDetail, { id: activity().id });
    render(Toasts);

    const open = await screen.findByRole('button', { name: 'Abrir minuta-embajada.pdf' });
    await userEvent.click(open);
    expect(opened).toEqual([PDF.hash]);

    await userEvent.click(open);
    expect(await screen.findByText('No se encontró el archivo adjunto.')).toBeInTheDocument();
  });

  it('saves the brief as PDF or as a Word document and says where', async () => {
    session.schemas = schemas;
    session.countries = countries;
    const asked: unknown[] = [];
    mockCommands((cmd, args) => {
      if (cmd === 'get_activity') return activity();
      if (cmd === 'activity_history') return [];
      if (cmd === 'save_brief') {
        asked.push((args as { format: string }).format);
        return { path: `/tmp/ficha.${(args as { format: string }).format}`, bytes: 30_000 };
      }
      return null;
    });
    render(ActivityDetail, { id: activity().id });
    render(Toasts);
    await userEvent.click(await screen.findByRole('button', { name: 'Imprimir ficha' }));
    expect(await screen.findByText('PDF guardado en /tmp/ficha.pdf (30 KB).')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ficha en Word' }));
    expect(await screen.findByText('Documento de Word guardado en /tmp/ficha.docx (30 KB).')).toBeInTheDocument();
    expect(asked).toEqual(['pdf', 'docx']);
  });

  it('names the fields a change touched by their labels, never by their keys', async () => {
    session.schemas = schemas;
    session.countries = countries;
    const change = { at: '2026-11-23T11:00:00Z', actor: 'Ana', origin: null, entity: 'activity', entity_id: activity().id, action: 'update', fields: ['start_date', 'follow_ups', 'details'] };
    mockCommands((cmd) => {
      if (cmd === 'get_activity') return activity({ kind: 'meeting' });
      if (cmd === 'activity_history') return [change];
      return null;
    });
    render(ActivityDetail, { id: activity().id });
    expect(await screen.findByText('Fecha de inicio, Seguimiento, Datos de Reunión')).toBeInTheDocument();
    expect(screen.queryByText(/start_date|follow_ups/)).not.toBeInTheDocument();
  });

  it('shows a choice by its label in the window language, never its code', async () => {
    session.schemas = schemas;
    session.countries = countries;
    mockCommands((cmd) => {
      if (cmd === 'get_activity') return activity({ kind: 'meeting', details: { meeting_type: 'cortesia' } } as never);
      if (cmd === 'activity_history') return [];
      return null;
    });
    const view = render(ActivityDetail, { id: activity().id });
    expect(await screen.findByText('De cortesía')).toBeInTheDocument();
    expect(screen.queryByText(/cortesia/)).not.toBeInTheDocument();
    view.unmount();

    i18n.locale = 'en';
    try {
      render(ActivityDetail, { id: activity().id });
      expect(await screen.findByText('Courtesy call')).toBeInTheDocument();
    } finally {
      i18n.locale = 'es-MX';
    }
  });

  it('marks a photo for the report with its caption and credit, saved through the core; a document gets no such controls', async () => {
    session.schemas = schemas;
    session.countries = countries;
    const marks: unknown[] = [];
    mockCommands((cmd, args) => {
      if (cmd === 'get_activity') return activity({ attachments: [PHOTO, PDF] } as never);
      if (cmd === 'activity_history') return [];
      if (cmd === 'attachment_image') return 'data:image/jpeg;base64,';
      if (cmd === 'mark_attachment') {
        const { mark } = args as { mark: object };
        marks.push(args);
        return { ...PHOTO, ...mark };
      }
      return null;
    });
    render(ActivityDetail, { id: activity().id });

    const include = await screen.findByRole('checkbox', { name: 'Incluir en el informe' });
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    await userEvent.click(include);
    expect(marks).toEqual([{ id: activity().id, hash: PHOTO.hash, mark: { in_report: true, caption: null, credit: null } }]);

    await userEvent.type(screen.getByRole('textbox', { name: 'Pie de foto' }), 'Firma del memorándum');
    await userEvent.tab();
    await userEvent.type(screen.getByRole('textbox', { name: 'Crédito' }), 'Ana López');
    await userEvent.tab();
    expect(marks.at(-1)).toEqual({ id: activity().id, hash: PHOTO.hash, mark: { in_report: true, caption: 'Firma del memorándum', credit: 'Ana López' } });
    expect(include).toBeChecked();
    expect(screen.getByText(/hasta 2 fotos por actividad/)).toBeInTheDocument();
  });

  it('names the report controls in English', async () => {
    session.schemas = schemas;
    session.countries = countries;
    mockCommands((cmd) => {
      if (cmd === 'get_activity') return activity({ attachments: [PHOTO] } as never);
      if (cmd === 'activity_history') return [{ at: '2026-11-23T11:00:00Z', actor: 'Ana', origin: 'app', entity: 'activity', entity_id: activity().id, action: 'mark', fields: ['caption', 'in_report'] }];
      return null;
    });
    i18n.locale = 'en';
    try {
      render(ActivityDetail, { id: activity().id });
      expect(await screen.findByRole('checkbox', { name: 'Include in the report' })).toBeInTheDocument();
      expect(screen.getByRole('textbox', { name: 'Caption' })).toBeInTheDocument();
      expect(await screen.findByText('Changed a report photo')).toBeInTheDocument();
      expect(screen.getByText('Caption, Include in the report')).toBeInTheDocument();
    } finally {
      i18n.locale = 'es-MX';
    }
  });
});
