import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockCommands } from './ipc';
import AxesSettings from '../src/lib/components/AxesSettings.svelte';
import type { Axis } from '../src/lib/bindings/Axis';
import type { AxisEdit } from '../src/lib/bindings/AxisEdit';
import type { AxisSet } from '../src/lib/bindings/AxisSet';
import { i18n } from '../src/lib/i18n/index.svelte';
import { axisChoices, session, setAxisSets } from '../src/lib/session.svelte';

const axis = (name: string, position: number, set: string, more: Partial<Axis> = {}): Axis => ({
  id: `0190a0b0-0000-7000-8000-0000000000${position}${set.length}`,
  name,
  position,
  set,
  archived: false,
  cross_cutting: false,
  offered: false,
  ...more,
});

/** A core in miniature: keeps the sets and applies the edits the component sends. */
function fakeCore(): { sets: AxisSet[]; edits: AxisEdit[] } {
  const core = {
    sets: [
      { name: 'Plan de gobierno', active: true, axes: [axis('Igualdad de Derechos', 1, 'Plan de gobierno'), axis('Ciudad Sustentable', 2, 'Plan de gobierno'), axis('Agenda de la Jefatura', 3, 'Plan de gobierno')] },
      { name: 'Plan 2013–2018', active: false, axes: [axis('Equidad e Inclusión Social', 1, 'Plan 2013–2018')] },
    ] as AxisSet[],
    edits: [] as AxisEdit[],
  };
  const find = (name: string) => core.sets.flatMap((s) => s.axes).find((a) => a.name === name)!;
  const renumber = () => core.sets.forEach((s) => s.axes.forEach((a, i) => (a.position = i + 1)));
  // What the core answers for each axis: offered when in the active set and not archived.
  const answer = () => {
    core.sets.forEach((s) => s.axes.forEach((a) => (a.offered = s.active && !a.archived)));
    return structuredClone(core.sets);
  };
  mockCommands((cmd, args) => {
    if (cmd === 'list_axis_sets') return answer();
    if (cmd !== 'edit_axes') return null;
    const edit = args.edit as AxisEdit;
    core.edits.push(edit);
    switch (edit.op) {
      case 'rename':
        if (core.sets.some((s) => s.axes.some((a) => a.name === edit.new_name))) {
          throw { code: 'storage', message: { es: `ya hay un eje llamado «${edit.new_name}»`, en: `there is already an axis named «${edit.new_name}»` }, fields: [] };
        }
        find(edit.name).name = edit.new_name;
        break;
      case 'move': {
        const set = core.sets.find((s) => s.axes.includes(find(edit.name)))!;
        const moving = find(edit.name);
        set.axes = set.axes.filter((a) => a !== moving);
        set.axes.splice(edit.to - 1, 0, moving);
        renumber();
        break;
      }
      case 'archive':
        find(edit.name).archived = edit.archived;
        break;
      case 'cross_cutting':
        find(edit.name).cross_cutting = edit.cross_cutting;
        break;
      case 'add':
        core.sets.find((s) => s.name === edit.set)!.axes.push(axis(edit.name, 9, edit.set!));
        break;
      case 'add_set':
        core.sets.push({ name: edit.name, active: false, axes: [] });
        break;
      case 'activate_set':
        core.sets.forEach((s) => (s.active = s.name === edit.name));
        break;
    }
    return answer();
  });
  setAxisSets(answer());
  return core;
}

const names = () => within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.querySelector('.name, input.rename') as HTMLElement).map((e) => (e instanceof HTMLInputElement ? e.value : e.textContent));

describe('Ajustes → Ejes', () => {
  it('reorders with the arrows from the keyboard, keeping the focus on the moved axis', async () => {
    const core = fakeCore();
    render(AxesSettings);
    expect(names()).toEqual(['Igualdad de Derechos', 'Ciudad Sustentable', 'Agenda de la Jefatura']);
    expect(screen.getByRole('button', { name: 'Subir «Igualdad de Derechos»' })).toBeDisabled();

    screen.getByRole('button', { name: 'Subir «Agenda de la Jefatura»' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Subir «Agenda de la Jefatura»' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(names()).toEqual(['Agenda de la Jefatura', 'Igualdad de Derechos', 'Ciudad Sustentable']);
    // At the top the up arrow is disabled, so the focus goes to the down arrow.
    expect(screen.getByRole('button', { name: 'Bajar «Agenda de la Jefatura»' })).toHaveFocus();
    expect(core.edits).toEqual([{ op: 'move', name: 'Agenda de la Jefatura', to: 2 }, { op: 'move', name: 'Agenda de la Jefatura', to: 1 }]);
  });

  it('renames in place: Enter saves, Escape cancels, a refusal keeps the field open', async () => {
    const core = fakeCore();
    render(AxesSettings);
    await userEvent.click(screen.getByRole('button', { name: 'Renombrar «Ciudad Sustentable»' }));
    const field = screen.getByRole('textbox', { name: 'Nuevo nombre de «Ciudad Sustentable»' });
    expect(field).toHaveFocus();
    await userEvent.keyboard('Ciudad Resiliente{Escape}');
    expect(names()).toEqual(['Igualdad de Derechos', 'Ciudad Sustentable', 'Agenda de la Jefatura']);
    expect(core.edits).toEqual([]);
    expect(screen.getByRole('button', { name: 'Renombrar «Ciudad Sustentable»' })).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    await userEvent.clear(screen.getByRole('textbox', { name: 'Nuevo nombre de «Ciudad Sustentable»' }));
    await userEvent.keyboard('Igualdad de Derechos{Enter}');
    expect(screen.getByRole('textbox', { name: 'Nuevo nombre de «Ciudad Sustentable»' })).toBeInTheDocument();

    await userEvent.clear(screen.getByRole('textbox', { name: 'Nuevo nombre de «Ciudad Sustentable»' }));
    await userEvent.keyboard('Ciudad Sustentable y Resiliente{Enter}');
    expect(names()).toEqual(['Igualdad de Derechos', 'Ciudad Sustentable y Resiliente', 'Agenda de la Jefatura']);
    expect(core.edits.at(-1)).toEqual({ op: 'rename', name: 'Ciudad Sustentable', new_name: 'Ciudad Sustentable y Resiliente' });
  });

  it('marks cross-cutting, archives, and the form offers only the active set without archived axes', async () => {
    fakeCore();
    render(AxesSettings);
    await userEvent.click(screen.getByRole('checkbox', { name: /«Agenda de la Jefatura» es transversal/ }));
    expect(await screen.findByText('Transversal', { selector: '.badge' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Archivar «Ciudad Sustentable»' }));
    expect(await screen.findByRole('button', { name: 'Restaurar «Ciudad Sustentable»' })).toBeInTheDocument();
    expect(axisChoices().map((a) => a.name)).toEqual(['Igualdad de Derechos', 'Agenda de la Jefatura']);
    expect(session.axes.map((a) => a.name)).toContain('Ciudad Sustentable');
  });

  it('creates a set, adds an axis to it and makes it the active one', async () => {
    fakeCore();
    render(AxesSettings);
    await userEvent.type(screen.getByRole('textbox', { name: 'Nuevo conjunto' }), 'Plan 2030{Enter}');
    expect(screen.getByRole('combobox', { name: 'Conjunto de ejes' })).toHaveValue('Plan 2030');
    expect(screen.getByText('Este conjunto aún no tiene ejes.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Nuevo eje' }), 'Ciudad Innovadora{Enter}');
    expect(names()).toEqual(['Ciudad Innovadora']);
    await userEvent.click(screen.getByRole('button', { name: 'Usar este conjunto' }));
    expect(await screen.findByText('Es el conjunto que ofrece el formulario.')).toBeInTheDocument();
    expect(axisChoices().map((a) => a.name)).toEqual(['Ciudad Innovadora']);
  });

  it('speaks English when the window does', async () => {
    i18n.locale = 'en';
    fakeCore();
    render(AxesSettings);
    expect(screen.getByRole('heading', { name: 'Axes of the set «Plan de gobierno»' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move «Ciudad Sustentable» up' })).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: /«Ciudad Sustentable» is cross-cutting/ })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Archive «Ciudad Sustentable»' })).toBeInTheDocument();
  });
});
