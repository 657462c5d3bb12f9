// Sync at the central office: the app's copy becomes the central office, accepts an officer,
// imports her bundles (made with the `enlace` CLI, as her laptop would) after reading what they
// will change, sees the missing bundle and the conflict, and resolves it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const MEETING = '0193a4f0-0000-7000-8000-000000000001';
const TITLE = 'Reunión con la Embajada de Perú';
const CENTRAL_TITLE = 'Reunión con el Embajador del Perú';
const ANA_TITLE = 'Reunión de trabajo con la Embajada del Perú';

let work;

/** The officer's laptop: the `enlace` CLI beside the app binary, on its own database. */
function officer(...args) {
  const cli = path.join(path.dirname(process.env.ENLACE_E2E_APP), 'enlace');
  return execFileSync(cli, ['--db', path.join(work, 'ana.db'), '--as', 'Ana López', ...args], { encoding: 'utf8' });
}

function officerImports(activities) {
  const file = path.join(work, 'actividades.jsonl');
  writeFileSync(file, activities.map((a) => JSON.stringify(a)).join('\n') + '\n');
  officer('import', file);
}

const meeting = (id, title, date) => ({ id, kind: 'meeting', title, start_date: date, countries: ['Perú'] });

/** The radio button of the conflict value whose text is `text`. */
const valueOption = (text) => `//label[contains(@class, 'value')][.//span[normalize-space(.) = ${JSON.stringify(text)}]]/input`;

export default {
  name: 'central office: accept an officer, preview and import her bundles, resolve a conflict',
  env(dataDir) {
    work = path.join(dataDir, 'oficial');
    mkdirSync(work);
    officer('init');
    officer('identity', 'init', '--name', 'Ana López', '--role', 'officer');
    officer('identity', 'show', '--out', path.join(work, 'ana.pub'));
    return {
      // What the person picks in the save and open dialogs.
      ENLACE_TEST_SAVE_PATH: path.join(work, 'central.pub'),
      ENLACE_TEST_OPEN_PATH: path.join(work, 'paquete.enlace'),
    };
  },
  steps: [
    ['first start', async (page) => firstStart(page, { sample: false })],
    ['this copy becomes the central office', async (page) => {
      await page.nav('sync');
      await page.see('Identidad de esta copia');
      await page.click('input[name="sync-role"][value="central"]');
      await page.type('#sync-name', 'Oficina Central');
      await page.shot('es-60-sync-setup');
      await page.clickButton('Crear identidad');
      await page.see('Enlaces aceptados');
      await page.see('Esta copia: Oficina Central (Oficina central)');
    }],
    ['its public identity is saved for the officer and the officer is accepted', async (page) => {
      await page.clickButton('Guardar en archivo');
      await page.see('Identidad guardada en');
      assert.match(readFileSync(path.join(work, 'central.pub'), 'utf8'), /rol: central/);
      const pasted = readFileSync(path.join(work, 'ana.pub'), 'utf8');
      await page.paste('#add-officer', pasted);
      await page.click('//form[contains(@class, "add-peer")]//button[@type="submit"]');
      await page.el('tr[data-officer="Ana López"]');
    }],
    ['the officer sends her first bundle; the summary comes before anything changes', async () => {
      officer('roster', 'add', path.join(work, 'central.pub'));
      officerImports([meeting(MEETING, TITLE, '2026-11-02'), meeting('0193a4f0-0000-7000-8000-000000000002', 'Foro de ciudades hermanas', '2026-11-05')]);
      officer('bundle', 'export', '--to', path.join(work, 'central.pub'), '--out', path.join(work, 'paquete.enlace'));
      assert.ok(existsSync(path.join(work, 'paquete.enlace')));
    }],
    ['importing shows the sender, the verification and the expected counts, then applies', async (page) => {
      await page.clickButton('Importar paquete');
      await page.el('[data-sync-preview]');
      await page.see('Paquete 1 de Ana López');
      await page.see('Firma verificada');
      const expected = () => page.b.execute(() => Object.fromEntries([...document.querySelectorAll('[data-sync-preview] [data-count]')].map((d) => [d.dataset.count, d.textContent.trim()])));
      assert.deepEqual(await expected(), { applied: '2', skipped: '0', conflicted: '0', overwritten: '0', deleted: '0' });
      await page.clickButton('Aplicar paquete');
      await page.el('[data-sync-result]');
      await page.see('Paquete 1 de Ana López aplicado');
      const rows = await page.b.execute(() => document.querySelector('tr[data-officer="Ana López"]').innerText);
      assert.match(rows, /^Ana López\s+1\b/);
    }],
    ['both sides edit the same title; bundle 2 is lost, bundle 3 arrives', async (page) => {
      await page.nav('activities');
      await page.click(`tr[data-activity="${MEETING}"] button.title`);
      await page.clickButton('Editar');
      await page.type('#title', CENTRAL_TITLE);
      await page.clickButton('Guardar');
      await page.b.waitUntil(async () => (await page.text('header h1')) === CENTRAL_TITLE, { timeout: 5000 });

      officerImports([meeting(MEETING, ANA_TITLE, '2026-11-02')]);
      officer('bundle', 'export', '--to', path.join(work, 'central.pub'), '--out', path.join(work, 'perdido.enlace'));
      officerImports([meeting('0193a4f0-0000-7000-8000-000000000003', 'Visita del Cónsul de Chile', '2026-11-09')]);
      officer('bundle', 'export', '--to', path.join(work, 'central.pub'), '--out', path.join(work, 'paquete.enlace'));
    }],
    ['the summary announces the conflict; once applied the gap and the conflict are shown', async (page) => {
      await page.nav('sync');
      await page.clickButton('Importar paquete');
      await page.see('Paquete 3 de Ana López');
      await page.b.waitUntil(
        () => page.b.execute(() => document.querySelector('[data-sync-preview] [data-count="conflicted"]')?.textContent.trim() === '1'),
        { timeout: 5000, timeoutMsg: 'the summary does not announce one conflict' },
      );
      await page.shot('es-61-sync-preview');
      await page.clickButton('Aplicar paquete');
      await page.see('Paquete 3 de Ana López aplicado');
      await page.see('Paquete 2 de Ana López aún no recibido');
      await page.see('Conflictos (1)');
      await page.el(`[data-conflict="${MEETING}:title"]`);
      await page.see(ANA_TITLE);
      const unacked = await page.b.execute(() => document.querySelector('[data-sync-unacked]').textContent.trim());
      const badge = await page.b.execute(() => document.querySelector('[data-sync-badge]')?.textContent.trim());
      assert.ok(Number(unacked) > 0, 'the central office has changes the officer has not acknowledged');
      assert.equal(badge, unacked, 'the sidebar shows the same count');
      // The conflict itself in the picture, as the README shows it.
      await page.b.execute((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), `[data-conflict="${MEETING}:title"]`);
      await page.shot('es-62-sync-conflict');
      await page.choose('#lang', 'en');
      await page.see('Accepted officers');
      await page.see('Bundle 2 from Ana López not received yet');
      await page.shot('en-62-sync-conflict');
      await page.choose('#lang', 'es-MX');
      await page.see('Enlaces aceptados');
    }],
    ['keeping the officer’s value resolves the conflict', async (page) => {
      await page.click(valueOption(ANA_TITLE));
      await page.clickButton('Resolver');
      await page.see('Conflicto resuelto');
      await page.see('Conflictos (0)');
      await page.see('No hay conflictos pendientes.');
      await page.nav('activities');
      await page.see(ANA_TITLE);
      await page.notSee(CENTRAL_TITLE);
    }],
  ],
};
