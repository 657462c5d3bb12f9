// Axis sets and order (issue 14): in Ajustes → Ejes an axis is marked cross-cutting, two axes
// swap places, one is renamed in place and one archived; the form stops offering the archived
// one, and the semester report prints the parts in the new order, cross-cutting first, with the
// new name and the archived axis still there.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

let saveTo = '';
const SUFFIX = ' (2021–2024)';
let order = [];
let archived = '';

/** The axes of the set shown, in order, read in one go in the page. */
const shownAxes = (page) => page.b.execute(() => [...document.querySelectorAll('li[data-axis] .name')].map((n) => n.textContent.trim()));

export default {
  name: 'axis sets and order',
  env: (dataDir) => {
    saveTo = path.join(dataDir, 'informe-2021-S2.pdf');
    return { ENLACE_TEST_SAVE_PATH: saveTo };
  },
  steps: [
    ['first start with the sample data', async (page) => firstStart(page, { sample: true })],
    ['Ajustes lists the axes of the active set in order', async (page) => {
      await page.nav('settings');
      await page.see('Ejes del conjunto «Plan de gobierno»');
      order = await shownAxes(page);
      assert.ok(order.length >= 4 && order.includes('Igualdad de Derechos'), `axes: ${order}`);
    }],
    ['an axis is marked cross-cutting, two swap places, one is renamed and one archived', async (page) => {
      const [a0, a1, a2] = order;
      const last = order.at(-1);
      await page.click(`input[aria-label^="«${last}» es transversal"]`);
      await page.el('li[data-axis] .badge');
      await page.click(`button[aria-label="Bajar «${a0}»"]`);
      await page.b.waitUntil(async () => (await shownAxes(page))[0] === a1, { timeout: 5000, timeoutMsg: 'the axes did not swap' });
      await page.click(`button[aria-label="Renombrar «${a2}»"]`);
      await page.type(`input[aria-label="Nuevo nombre de «${a2}»"]`, `${a2}${SUFFIX}`);
      await page.keys('Enter');
      await page.b.waitUntil(async () => (await shownAxes(page)).includes(`${a2}${SUFFIX}`), { timeout: 5000, timeoutMsg: 'the rename did not show' });
      await page.click(`button[aria-label="Archivar «${a0}»"]`);
      await page.el(`button[aria-label="Restaurar «${a0}»"]`);
      await page.shot('es-40-settings-axes');
      archived = a0;
      // Cross-cutting first, then the set's order.
      order = [last, a1, a0, `${a2}${SUFFIX}`, ...order.slice(3, -1)];
    }],
    ['the form offers the active axes only', async (page) => {
      await page.keys('Control', 'n');
      await page.see('Nueva actividad');
      const offered = await page.b.execute(() => [...document.querySelectorAll('#axes-list option')].map((o) => o.value));
      assert.deepEqual(offered.toSorted(), order.filter((a) => a !== archived).toSorted());
      await page.keys('Escape');
    }],
    ['the report prints the parts in that order, cross-cutting first', async (page) => {
      await page.nav('reports');
      await page.choose('#report-year', '2021');
      await page.click('button[data-preset="second"]');
      await page.b.waitUntil(async () => /^\d[\d,]* actividades en el periodo/.test(await page.text('#report-count')), { timeout: 5000 });
      await page.click('#generate-report');
      await page.el('#report-result');
      assert.equal(readFileSync(saveTo).subarray(0, 5).toString('latin1'), '%PDF-');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', saveTo, '-']).toString('utf8').split(/\s+/).join(' ');
      rmSync(saveTo);
      // The contents page lists the parts in print order, after the summary's entry.
      const from = text.indexOf('Resumen ejecutivo');
      const printed = [...order.filter((a) => text.includes(a)), ...(text.includes('Sin eje asignado') ? ['Sin eje asignado'] : [])];
      assert.ok(printed.includes(order[3]) && printed.includes(archived), `renamed and archived axes print: ${printed}`);
      const places = printed.map((a) => text.indexOf(a, from));
      assert.deepEqual([...places].sort((x, y) => x - y), places, `parts in order: ${printed} at ${places}`);
    }],
  ],
};
