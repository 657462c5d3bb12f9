// "Abrir con Enlace": the desktop starts the app with a file on its command line, as a
// double-click on a bundle or a spreadsheet does. A bundle opens at Sincronización with its
// summary shown before anything is applied; a sheet opens in Datos › import; any other file
// is refused with a message, and the window carries on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'agenda_2021.csv');

let work;

/** The officer's laptop: the `enlace` CLI beside the app binary, on its own database. */
function officer(...args) {
  const cli = path.join(path.dirname(process.env.ENLACE_E2E_APP), 'enlace');
  return execFileSync(cli, ['--db', path.join(work, 'ana.db'), '--as', 'Ana López', ...args], { encoding: 'utf8' });
}

export default {
  name: 'open with: a bundle, a spreadsheet and an unknown file given to the app when it starts',
  env(dataDir) {
    work = path.join(dataDir, 'oficial');
    mkdirSync(work);
    officer('init');
    officer('identity', 'init', '--name', 'Ana López', '--role', 'officer');
    officer('identity', 'show', '--out', path.join(work, 'ana.pub'));
    return { ENLACE_TEST_SAVE_PATH: path.join(work, 'central.pub') };
  },
  steps: [
    ['first start; this copy becomes the central office and accepts the officer', async (page) => {
      await firstStart(page, { sample: false });
      await page.nav('sync');
      await page.click('input[name="sync-role"][value="central"]');
      await page.type('#sync-name', 'Oficina Central');
      await page.clickButton('Crear identidad');
      await page.see('Enlaces aceptados');
      await page.clickButton('Guardar en archivo');
      await page.see('Identidad guardada en');
      const pasted = readFileSync(path.join(work, 'ana.pub'), 'utf8');
      await page.paste('#add-officer', pasted);
      await page.click('//form[contains(@class, "add-peer")]//button[@type="submit"]');
      await page.el('tr[data-officer="Ana López"]');
    }],
    ['a bundle named on the command line opens at "Importar paquete" with its summary', async (page) => {
      officer('roster', 'add', path.join(work, 'central.pub'));
      const activities = path.join(work, 'actividades.jsonl');
      writeFileSync(activities, JSON.stringify({ id: '0193a4f0-0000-7000-8000-000000000018', kind: 'meeting', title: 'Reunión con la Embajada de Perú', start_date: '2026-11-02', countries: ['Perú'] }) + '\n');
      officer('import', activities);
      officer('bundle', 'export', '--to', path.join(work, 'central.pub'), '--out', path.join(work, 'de Ana.enlace'));

      await page.restart({ args: [path.join(work, 'de Ana.enlace')] });
      await page.el('[data-sync-preview]');
      await page.see('Paquete 1 de Ana López');
      await page.see('Firma verificada');
      const applied = await page.b.execute(() => document.querySelector('[data-sync-preview] [data-count="applied"]')?.textContent.trim());
      assert.equal(applied, '1', 'the summary counts the one activity, before anything is applied');
      await page.shot('es-90-open-with-bundle');
      await page.clickButton('Aplicar paquete');
      await page.see('Paquete 1 de Ana López aplicado');
    }],
    ['a spreadsheet opens in the spreadsheet import', async (page) => {
      await page.restart({ args: [CSV] });
      await page.see('agenda_2021.csv · 3 filas');
      await page.shot('es-91-open-with-sheet');
    }],
    ['any other file is refused with a message and the window opens as usual', async (page) => {
      const letter = path.join(work, 'carta.pdf');
      writeFileSync(letter, '%PDF-1.4\n');
      await page.restart({ args: [letter] });
      await page.see('Enlace no abre «carta.pdf»');
      await page.el('#search');
    }],
  ],
};
