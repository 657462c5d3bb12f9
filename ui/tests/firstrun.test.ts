import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockCommands } from './ipc';
import { describe, expect, it, vi } from 'vitest';
import FirstRun from '../src/screens/FirstRun.svelte';

describe('first start', () => {
  it('asks for name and office, shows what is missing, and can be read in English', async () => {
    const profiles: unknown[] = [];
    mockCommands((cmd, args) => {
      if (cmd === 'save_profile') {
        const profile = (args as { profile: { officer: string; office: string } }).profile;
        if (!profile.officer) {
          throw { code: 'invalid', message: { es: 'Revise', en: 'Check' }, fields: [{ field: 'officer', message: { es: 'Escriba su nombre.', en: 'Enter your name.' } }] };
        }
        profiles.push(profile);
        return null;
      }
      return [];
    });
    render(FirstRun, { dataDir: '/tmp/enlace' });

    await userEvent.click(screen.getByRole('button', { name: 'Comenzar' }));
    expect(await screen.findByText('Escriba su nombre.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Su nombre/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Su nombre/)).toHaveFocus();
    expect(profiles).toHaveLength(0);

    await userEvent.selectOptions(screen.getByLabelText('Idioma'), 'en');
    expect(screen.getByRole('heading', { name: 'Welcome to Enlace' })).toBeInTheDocument();
    expect(screen.getByText('Data is kept in: /tmp/enlace')).toBeInTheDocument();
  });

  it('protects the copy with the passphrase chosen, twice alike, or warns plainly when none is chosen', async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockCommands((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === 'app_info') return { version: '0', data_dir: '/tmp/enlace', profile: null, encrypted: true, locked: false, lock_after_seconds: 900 };
      return cmd === 'list_axis_sets' ? [] : null;
    });
    render(FirstRun, { dataDir: '/tmp/enlace' });
    await userEvent.type(screen.getByLabelText(/Su nombre/), 'Ana Peña');
    await userEvent.type(screen.getByLabelText(/Oficina/), 'CGAI');
    await userEvent.click(screen.getByLabelText(/Para empezar/));

    await userEvent.click(screen.getByRole('button', { name: 'Comenzar' }));
    expect(await screen.findByText('Escriba una contraseña, o elija «Sin contraseña».')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Contraseña/), 'flor de cempasúchil');
    await userEvent.type(screen.getByLabelText(/^Repita la contraseña/), 'flor de cempasuchil');
    await userEvent.click(screen.getByRole('button', { name: 'Comenzar' }));
    expect(await screen.findByText('Las dos contraseñas no coinciden.')).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'change_passphrase')).toBe(false);

    await userEvent.clear(screen.getByLabelText(/^Repita la contraseña/));
    await userEvent.type(screen.getByLabelText(/^Repita la contraseña/), 'flor de cempasúchil');
    await userEvent.click(screen.getByRole('button', { name: 'Comenzar' }));
    await vi.waitFor(() => expect(calls.map((c) => c.cmd)).toContain('app_info'));
    expect(calls.find((c) => c.cmd === 'change_passphrase')?.args).toEqual({ current: '', new: 'flor de cempasúchil' });
  });

  it('says what a copy without passphrase exposes when that is chosen', async () => {
    mockCommands(() => null);
    render(FirstRun, { dataDir: '/tmp/enlace' });
    expect(screen.queryByRole('note')).toBeNull();
    await userEvent.click(screen.getByLabelText(/^Sin contraseña/));
    expect(screen.getByRole('note')).toHaveTextContent('cualquiera que tenga este equipo o una copia de su carpeta de datos puede leer todo el registro');
    expect(screen.queryByLabelText(/^Repita la contraseña/)).toBeNull();
  });
});
