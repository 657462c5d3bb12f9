// Across years, from the real window: an agreement signed years ago whose validity ends next
// month is named on the dashboard and on the calendar's day it ends; the dashboard's world map
// shades each country by its activities (more, darker) and a country opened with the keyboard
// lists its activities; the Reports screen's «Administración» makes the record of every year
// with activities, year by year, and the PDF says so; the agreements register lists the agreement
// as expiring, and a partner's dossier names its partner.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const TITLE = 'Acuerdo de hermanamiento con Zanzíbar';
// A word of the title no record of the sample has (a table cell may wrap the title, never a word).
const MARK = 'Zanzíbar';
const DAYS_LEFT = 30;
let saveTo = '';

/** A day `days` from today, as the Spanish window writes it and as ISO. */
function daysFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return { typed: `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`, month: d.getMonth(), year: d.getFullYear() };
}

/** The text of the PDF the save dialog's injected answer received; the file is then removed. */
function pdfText() {
  assert.ok(existsSync(saveTo), `no file at ${saveTo}`);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', saveTo, '-']).toString('utf8').split(/\s+/).join(' ');
  rmSync(saveTo);
  return text;
}

/** The map's shaded countries: code, step and the count its name carries. */
async function shaded(page) {
  return page.b.execute(() =>
    [...document.querySelectorAll('#world-map path[data-step]')].map((p) => ({
      code: p.dataset.country,
      step: Number(p.dataset.step),
      count: Number((p.getAttribute('aria-label').match(/(\d+) actividades/) ?? [0, 1])[1]),
    })),
  );
}

export default {
  name: 'across years: agreements expiring, the world map, the administration report',
  env: (dataDir) => {
    saveTo = path.join(dataDir, 'administracion.pdf');
    return { ENLACE_TEST_SAVE_PATH: saveTo };
  },
  steps: [
    ['first start with the sample', async (page) => firstStart(page, { sample: true })],
    ['an agreement signed in 2019, valid until next month', async (page) => {
      await page.nav('activities');
      await page.keys('Control', 'n');
      await page.see('Nueva actividad');
      await page.choose('#kind', 'agreement');
      await page.type('#title', TITLE);
      await page.type('#start_date', '15/03/2019');
      await page.choose('#details\\.agreement_type', 'memorandum');
      await page.type('#details\\.valid_until', daysFromToday(DAYS_LEFT).typed);
      await page.clickButton('Guardar');
      await page.see('Editar');
    }],
    ['the dashboard names it among the agreements expiring', async (page) => {
      await page.nav('dashboard');
      await page.see('Convenios por vencer');
      assert.equal(await page.text('[data-expiring]'), TITLE);
      await page.see(`vence en ${DAYS_LEFT} días`);
    }],
    ['the map is darker where there are more activities', async (page) => {
      await page.el('#world-map path[data-step]');
      const countries = await shaded(page);
      assert.ok(countries.length >= 3, `only ${countries.length} countries shaded`);
      const most = Math.max(...countries.map((c) => c.count));
      for (const a of countries) {
        for (const b of countries) if (a.count > b.count) assert.ok(a.step >= b.step, `${a.code} (${a.count}) is paler than ${b.code} (${b.count})`);
        if (a.count === most) assert.equal(a.step, 4, `${a.code} has the most and is not the darkest`);
      }
      const pale = await page.b.execute(() => [...document.querySelectorAll('#world-map path:not([data-step])')].map((p) => p.classList.contains('empty')));
      assert.ok(pale.length > 0 && pale.every(Boolean), `countries without activities are not all pale (${pale.length} of them)`);
      await page.shot('es-97-dashboard-map');
    }],
    ['a country opened from the map with the keyboard lists its activities', async (page) => {
      const peru = (await shaded(page)).find((c) => c.code === 'PE');
      assert.ok(peru, 'Peru is not on the map');
      await page.b.execute(() => document.querySelector('#world-map path[data-country="PE"]').focus());
      await page.keys('Enter');
      await page.see('Actividades');
      await page.b.waitUntil(async () => (await page.listTitles()).length === peru.count, {
        timeout: 5000, timeoutMsg: `the list does not hold Peru's ${peru.count} activities`,
      });
    }],
    ['the calendar shows it on the day its validity ends', async (page) => {
      await page.nav('calendar');
      const { month, year } = daysFromToday(DAYS_LEFT);
      const today = new Date();
      if (today.getMonth() !== month || today.getFullYear() !== year) await page.click('button[aria-label="Siguiente"]');
      // Read from the page: a day crowded with events shows the first ones and clips the rest.
      const shown = () => page.b.execute(() => document.querySelector('.month [data-expiring]')?.textContent.trim() ?? '');
      await page.b.waitUntil(async () => (await shown()) === `Vence: ${TITLE}`, { timeout: 5000, timeoutMsg: `the calendar shows «${await shown()}», not the agreement's end` });
    }],
    ['«Administración» makes the record of every year, year by year', async (page) => {
      await page.nav('reports');
      await page.click('button[data-preset="administration"]');
      assert.ok(await (await page.el('#report-by-year')).isSelected(), '«Año por año» is not chosen');
      assert.match(await (await page.el('#report-from')).getValue(), /^01\/01\/20\d\d$/);
      assert.match(await (await page.el('#report-to')).getValue(), /^31\/12\/20\d\d$/);
      await page.click('#generate-report');
      await page.el('#report-result');
      const text = pdfText();
      for (const expected of ['Año por año', 'Actividades por año y tipo']) assert.ok(text.includes(expected), `«${expected}» missing from the report`);
    }],
    ["the agreements register lists it as expiring; a partner's dossier covers all years", async (page) => {
      await page.click('#generate-register');
      await page.el('#report-result');
      const register = pdfText();
      // pdftotext interleaves a table cell's lines with its neighbours': one word of the title.
      for (const expected of ['Registro de convenios', MARK, 'Por vencer']) assert.ok(register.includes(expected), `«${expected}» missing from the register`);
      const partner = await page.b.execute(() => document.querySelector('#dossier-partner option:nth-child(2)').value);
      await page.choose('#dossier-partner', partner);
      await page.click('#generate-partner-dossier');
      await page.el('#report-result');
      assert.ok(pdfText().includes(partner), `the dossier does not name «${partner}»`);
    }],
  ],
};
