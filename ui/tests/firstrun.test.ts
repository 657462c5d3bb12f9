import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockCommands } from './ipc';
import { describe, expect, it } from 'vitest';
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
});
