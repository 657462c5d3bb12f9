import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../src/App.svelte';
import { notify, toasts } from '../src/lib/toasts.svelte';
import { schemas } from './fixtures';
import { mockCommands } from './ipc';

const PROFILE = { officer: 'Ana Peña', office: 'CGAI', locale: 'es-MX' };

/** The shell of an encrypted copy; `unlocked` says whether it holds the passphrase. */
function copy(state: { unlocked: boolean }) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockCommands((cmd, args) => {
    calls.push({ cmd, args });
    switch (cmd) {
      case 'app_info': return { version: '0', data_dir: '/tmp/enlace', profile: PROFILE, encrypted: true, locked: !state.unlocked, lock_after_seconds: 900 };
      case 'kind_schemas': return schemas;
      case 'unlock':
        if ((args as { passphrase: string }).passphrase !== 'flor de cempasúchil') {
          throw { code: 'locked', message: { es: 'La contraseña no es la de esta base de datos.', en: 'Not this database’s passphrase.' }, fields: [] };
        }
        state.unlocked = true;
        return null;
      case 'lock':
        state.unlocked = false;
        return null;
      case 'list_activities': return { items: [{ id: 'a1', kind: 'meeting', title: 'Reunión con la Embajada del Perú', start: '2021-07-27', end: null, status: 'done', countries: [], axis: null }], total: 1 };
      default: return [];
    }
  });
  return calls;
}

describe('a copy with the office passphrase', () => {
  it('opens locked, refuses a wrong passphrase in words and opens with the right one', async () => {
    const calls = copy({ unlocked: false });
    render(App);
    const field = await screen.findByLabelText(/Contraseña de la oficina/);
    expect(screen.getByRole('heading', { name: 'Enlace está bloqueado' })).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'list_axis_sets')).toBe(false);

    await userEvent.type(field, 'otra cosa{Enter}');
    expect(await screen.findByText('La contraseña no es la de esta base de datos.')).toBeInTheDocument();
    expect(field).toHaveValue('');

    await userEvent.type(field, 'flor de cempasúchil{Enter}');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Enlace está bloqueado' })).toBeNull());
    expect(calls.filter((c) => c.cmd === 'unlock').map((c) => c.args)).toEqual([{ passphrase: 'otra cosa' }, { passphrase: 'flor de cempasúchil' }]);
  });

  it('locks on Ctrl+L: the core is told, and no screen nor notice of the record stays', async () => {
    const calls = copy({ unlocked: true });
    render(App);
    await screen.findByRole('navigation');
    notify('Guardado: Reunión con la Embajada del Perú');
    await userEvent.keyboard('{Control>}l{/Control}');
    expect(await screen.findByRole('heading', { name: 'Enlace está bloqueado' })).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'lock')).toBe(true);
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(toasts.items).toEqual([]);
    expect(document.body.textContent).not.toContain('Embajada del Perú');
  });
});
