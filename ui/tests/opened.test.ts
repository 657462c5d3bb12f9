import { render, screen, waitFor } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import About from '../src/screens/About.svelte';
import { listenForOpenedFiles, showOpenedFile } from '../src/lib/opened';
import { router } from '../src/lib/router.svelte';
import { session } from '../src/lib/session.svelte';
import { dismiss, toasts } from '../src/lib/toasts.svelte';

const ready = (locked = false) => {
  session.info = {
    version: '0.1.0',
    data_dir: '/home/ana/.local/share/mx.gob.enlace',
    profile: { officer: 'Ana', office: 'Oficina', locale: 'es-MX' },
    encrypted: locked,
    locked,
    lock_after_seconds: 900,
  };
};

/** The shell keeps `files` in order and hands each over once. */
function shellWith(files: unknown[]) {
  const taken: unknown[] = [];
  mockWindows('main');
  mockIPC(
    (cmd) => {
      if (cmd !== 'take_opened_file') return null;
      const next = files.shift() ?? null;
      taken.push(next);
      if (next instanceof Error) throw { code: 'invalid', message: { es: next.message, en: next.message }, fields: [] };
      return next;
    },
    { shouldMockEvents: true },
  );
  return taken;
}

describe('a file handed to the app by the desktop', () => {
  afterEach(() => {
    router.go({ screen: 'activities' });
    toasts.items.slice().forEach((t) => dismiss(t.id));
  });

  it('opens a bundle at Sincronización and a sheet in Datos', async () => {
    ready();
    shellWith([{ destination: 'bundle', path: '/home/ana/de Ana.enlace' }, { destination: 'spreadsheet', path: '/home/ana/agenda.xlsx' }]);
    await showOpenedFile();
    expect(router.route).toEqual({ screen: 'sync', open: '/home/ana/de Ana.enlace' });
    await showOpenedFile();
    expect(router.route).toEqual({ screen: 'data', open: '/home/ana/agenda.xlsx' });
  });

  it('waits while the window is locked, and is told when a second launch hands one over', async () => {
    ready(true);
    const taken = shellWith([{ destination: 'bundle', path: '/home/ana/de Ana.enlace' }]);
    await listenForOpenedFiles();
    await showOpenedFile();
    expect(taken).toEqual([]);
    expect(router.route).toEqual({ screen: 'activities' });
    ready();
    await emit('enlace://file-opened');
    await waitFor(() => expect(router.route).toEqual({ screen: 'sync', open: '/home/ana/de Ana.enlace' }));
  });

  it('that Enlace does not open is explained and the screen stays', async () => {
    ready();
    shellWith([new Error('Enlace no abre «carta.pdf»')]);
    await showOpenedFile();
    expect(router.route).toEqual({ screen: 'activities' });
    expect(toasts.items.map((t) => t.text)).toEqual(['Enlace no abre «carta.pdf»']);
  });
});

describe('Acerca de Enlace', () => {
  it('shows the build, the database and the licenses grouped', async () => {
    mockWindows('main');
    mockIPC((cmd) =>
      cmd === 'about'
        ? {
            version: '0.1.0',
            build_date: '2026-12-01',
            data_dir: '/home/ana/.local/share/mx.gob.enlace',
            database: '/home/ana/.local/share/mx.gob.enlace/enlace.db',
            database_bytes: 2 * 1024 * 1024,
            snapshots_dir: '/home/ana/.local/share/mx.gob.enlace/enlace.db.snapshots',
            licenses: [
              { license: 'Apache-2.0 OR MIT', components: [{ source: 'crate', name: 'serde', version: '1.0.229', license: 'MIT OR Apache-2.0' }, { source: 'npm', name: '@tauri-apps/api', version: '2.12.5', license: 'Apache-2.0 OR MIT' }] },
              { license: 'OFL-1.1', components: [{ source: 'font', name: 'NotoSans-Regular', version: '', license: 'OFL-1.1' }] },
            ],
          }
        : null,
    );
    render(About);
    await screen.findByText('2026-12-01');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Acerca de Enlace');
    expect(screen.getByText('2.0 MiB', { exact: false })).toBeTruthy();
    expect(screen.getByText('Enlace incluye 3 componentes escritos por otros: tipografías, los datos del mapa, bibliotecas de Rust y paquetes de npm, agrupados por licencia.')).toBeTruthy();
    const groups = [...document.querySelectorAll('details[data-license]')].map((d) => [d.getAttribute('data-license'), d.querySelectorAll('li').length]);
    expect(groups).toEqual([['Apache-2.0 OR MIT', 2], ['OFL-1.1', 1]]);
    expect(screen.getByText(/serde 1\.0\.229/).textContent).toContain('biblioteca de Rust');
  });
});
