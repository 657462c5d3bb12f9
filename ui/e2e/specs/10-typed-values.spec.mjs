// What you type is what is kept: an amount written the way half the region writes it, dates in
// Spanish, a country name two countries share, a date still to come, and a failed save whose
// first error is brought into view. The `enlace` CLI beside the app reads the stored record.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

let db;

function cli(...args) {
  const bin = path.join(path.dirname(process.env.ENLACE_E2E_APP), 'enlace');
  return execFileSync(bin, ['--db', db, '--as', 'Oficina de enlace', ...args], { encoding: 'utf8' });
}

function exported() {
  return cli('export', '--format', 'jsonl').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

async function newActivity(page, kind, title, date) {
  await page.nav('activities');
  await page.keys('Control', 'n');
  await page.see('Nueva actividad');
  await page.choose('#kind', kind);
  await page.type('#title', title);
  await page.type('#start_date', date);
}

const NEXT_YEAR = new Date().getFullYear() + 1;

export default {
  name: 'values are kept as typed, or asked about',
  env(dataDir) {
    db = path.join(dataDir, 'enlace.db');
    return {};
  },
  steps: [
    ['first start', async (page) => firstStart(page, { sample: false })],
    ['a financing of «20.000,50» dated «27/07/2021» reads back before saving', async (page) => {
      await newActivity(page, 'financing', 'Donación para resiliencia', '27/07/2021');
      await page.see('Se guardará: 27 de julio de 2021');
      await page.type('#details\\.donor', 'Fundación Rockefeller');
      await page.choose('#details\\.currency', 'EUR');
      await page.type('#details\\.amount', '1.500');
      await page.keys('Tab');
      await page.see('«1.500» se lee de dos maneras');
      await page.click('//div[contains(@class,"choices")]/button[normalize-space(.)="1500"]');
      assert.equal(await (await page.el('#details\\.amount')).getValue(), '1500');
      await page.type('#details\\.amount', '20.000,50');
      await page.see('Se guardará: 20,000.50 EUR');
      await page.shot('es-50-form-reads-amount');
      await page.clickButton('Guardar');
      await page.see('Editar');
      await page.see('20,000.50');
    }],
    ['the CLI export holds 20000.50 EUR on 2021-07-27', async () => {
      const [financing] = exported();
      assert.equal(financing.start_date, '2021-07-27');
      assert.equal(financing.details.amount, '20000.50');
      assert.equal(financing.details.currency, 'EUR');
    }],
    ['«corea» must be chosen before the activity is saved', async (page) => {
      await newActivity(page, 'meeting', 'Reunión con la Embajada de Corea', '3 de agosto de 2021');
      await page.addToken('#countries', 'corea');
      await page.clickButton('Guardar');
      await page.see('«corea» puede ser más de un país');
      assert.equal(exported().length, 1, 'nothing saved while the country is open');
      await page.click('//div[contains(@class,"choices")]/button[normalize-space(.)="República de Corea"]');
      await page.clickButton('Guardar');
      await page.see('Editar');
      await page.see('República de Corea');
      const meeting = exported().find((a) => a.kind === 'meeting');
      assert.deepEqual(meeting.countries, ['KR']);
    }],
    ['an activity dated next year is saved as planned', async (page) => {
      await newActivity(page, 'meeting', 'Visita prevista a Lima', `15/03/${NEXT_YEAR}`);
      await page.see('Planeada: la fecha aún no llega');
      await page.clickButton('Guardar');
      await page.see('Editar');
      await page.see('Planeada');
      // Focus lands on the new screen's heading, not on the page body.
      await page.b.waitUntil(async () => (await page.b.execute(() => document.activeElement?.tagName)) === 'H1', {
        timeout: 5000, timeoutMsg: 'after saving, focus is not on the heading',
      });
      assert.equal(await page.b.execute(() => document.activeElement.textContent.trim()), 'Visita prevista a Lima');
      const planned = exported().find((a) => a.title === 'Visita prevista a Lima');
      assert.equal(planned.status, 'planned');
    }],
    ['a failed save brings its first error into view and focus', async (page) => {
      await newActivity(page, 'training', '', '2021-10-04');
      await page.type('#details\\.participants', 'muchos');
      // Leave the field first, as a person does: its error shows, then Guardar is pressed.
      await page.keys('Tab');
      await page.see('«muchos» no es un número entero');
      await page.clickButton('Guardar');
      await page.see('Revise los campos marcados');
      const seen = await page.b.execute(() => {
        const active = document.activeElement;
        const bar = document.querySelector('.actions').getBoundingClientRect();
        const field = active.closest('.field').getBoundingClientRect();
        return { id: active.id, top: field.top, bottom: field.bottom, barTop: bar.top };
      });
      assert.equal(seen.id, 'title');
      assert.ok(seen.top >= 0 && seen.bottom <= seen.barTop, `the first error is out of view: ${JSON.stringify(seen)}`);
      await page.shot('es-51-form-failed-save');
    }],
    ['Escape leaves the form and keeps a draft', async (page) => {
      await page.keys('Escape');
      await page.el('#search');
    }],
  ],
};
