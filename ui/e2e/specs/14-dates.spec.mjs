// Dates as Mexico writes them, on a machine whose system language is US English: the Spanish
// window reads "27/07/2021" and "27 de julio de 2021" in a record's form and in the list's
// filters, says how it read them, and opens a calendar from the keyboard; the English window
// shows the same days in US figures.
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const TITLE = 'Reunión con la Embajada de Chile sobre movilidad';

async function valueOf(page, selector) {
  return (await page.el(selector)).getValue();
}

export default {
  name: 'dates read as people write them, in the window’s language',
  env() {
    return { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' };
  },
  steps: [
    ['first start', async (page) => firstStart(page, { sample: false })],
    ['the form reads «27/07/2021» and «27 de julio de 2021» and keeps that day', async (page) => {
      await page.nav('activities');
      await page.keys('Control', 'n');
      await page.see('Nueva actividad');
      await page.choose('#kind', 'meeting');
      await page.type('#title', TITLE);
      await page.type('#start_date', '27/07/2021');
      await page.see('Se guardará: 27 de julio de 2021');
      await page.type('#start_date', '28 de julio de 2021');
      await page.see('Se guardará: 28 de julio de 2021');
      await page.type('#start_date', '27 de julio de 2021');
      await page.see('Se guardará: 27 de julio de 2021');
      await page.shot('es-70-date-field-form');
      await page.clickButton('Guardar');
      await page.see('Editar');
      await page.see('27 de julio de 2021');
    }],
    ['the list filter reads «27/07/2021» and «27 de julio de 2021» as that day', async (page) => {
      await page.nav('activities');
      await page.type('#filter-from', '28/07/2021');
      await page.see('Se leerá: 28 de julio de 2021');
      await page.see('No hay actividades');
      await page.type('#filter-from', '27/07/2021');
      await page.see('Se leerá: 27 de julio de 2021');
      await page.type('#filter-to', '27 de julio de 2021');
      await page.see('Se leerá: 27 de julio de 2021');
      await page.b.waitUntil(async () => (await page.listTitles()).includes(TITLE), { timeout: 5000, timeoutMsg: 'the filtered list does not hold the activity' });
      await page.shot('es-71-date-field-filter');
    }],
    ['the calendar opens with Alt+↓, moves with the arrows and picks with Enter', async (page) => {
      const from = await page.el('#filter-from');
      await page.press(from);
      await page.keys('Alt', 'ArrowDown');
      await page.el('[role="dialog"][aria-label="Calendario"]');
      await page.see('julio de 2021');
      const focused = () => page.b.execute(() => document.activeElement?.getAttribute('data-day'));
      await page.b.waitUntil(async () => (await focused()) === '2021-07-27', { timeout: 5000, timeoutMsg: 'the calendar does not start on the field’s day' });
      await page.shot('es-72-date-picker');
      await page.keys('ArrowLeft');
      await page.b.waitUntil(async () => (await focused()) === '2021-07-26', { timeout: 5000, timeoutMsg: 'ArrowLeft does not move a day back' });
      await page.keys('Enter');
      await page.b.waitUntil(async () => (await valueOf(page, '#filter-from')) === '26/07/2021', { timeout: 5000, timeoutMsg: 'the picked day is not in the field' });
      assert.equal(await page.b.execute(() => document.activeElement?.id), 'filter-from');
      await page.see('Se leerá: 26 de julio de 2021');
    }],
    ['the English window shows the same days in US figures', async (page) => {
      await page.choose('#lang', 'en');
      await page.see('Activities');
      await page.b.waitUntil(async () => (await valueOf(page, '#filter-from')) === '07/26/2021', { timeout: 5000, timeoutMsg: 'the filter does not show US figures' });
      assert.equal(await valueOf(page, '#filter-to'), '07/27/2021');
      await page.type('#filter-from', '07/27/2021');
      await page.see('Reads as: 27 July 2021');
      await page.b.waitUntil(async () => (await page.listTitles()).includes(TITLE), { timeout: 5000, timeoutMsg: 'the English filter lost the activity' });
      await page.choose('#lang', 'es-MX');
    }],
  ],
};
