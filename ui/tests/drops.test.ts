import { render, screen, waitFor } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import ActivityDetail from '../src/screens/ActivityDetail.svelte';
import { drops, listenForDrops } from '../src/lib/drops.svelte';
import { session } from '../src/lib/session.svelte';
import { activity, countries, schemas } from './fixtures';

describe('files dropped on the window', () => {
  it('are attached to the activity shown, and the window says where they go while dragged', async () => {
    session.schemas = schemas;
    session.countries = countries;
    const attached: unknown[] = [];
    mockWindows('main');
    // The shell's drag-and-drop events, heard through the same event channel as in the app.
    mockIPC(
      (cmd, args) => {
        if (cmd === 'get_activity') return activity();
        if (cmd === 'activity_history') return [];
        if (cmd === 'attach_files') {
          attached.push(args);
          return [];
        }
        return null;
      },
      { shouldMockEvents: true },
    );
    await listenForDrops();
    render(ActivityDetail, { id: activity().id });
    await screen.findByRole('heading', { level: 1 });

    await emit('tauri://drag-enter', { paths: ['/home/ana/minuta.pdf'], position: { x: 10, y: 10 } });
    expect(drops.hint).toBe('Suelte los archivos para adjuntarlos a esta actividad');
    await emit('tauri://drag-drop', { paths: ['/home/ana/minuta.pdf', '/home/ana/foto.jpg'], position: { x: 10, y: 10 } });

    await waitFor(() => expect(attached).toEqual([{ id: activity().id, dropped: ['/home/ana/minuta.pdf', '/home/ana/foto.jpg'] }]));
    expect(drops.hint).toBeNull();
  });
});
