// The illumination calendar: a national day from the reference data becomes a planned
// illumination in two clicks.
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

export default {
  name: 'illumination calendar to planned illumination',
  steps: [
    ['first start', async (page) => firstStart(page, { sample: false })],
    ['national days are listed for the year', async (page) => {
      await page.nav('calendar');
      await page.click('#tab-illumination');
      await page.see('Planear iluminación');
      await page.shot('es-09-illumination-calendar');
    }],
    ['two clicks plan an illumination', async (page) => {
      await page.el('button[data-plan]');
      const date = await page.b.execute(() => document.querySelector('button[data-plan]').dataset.plan);
      await page.click(`button[data-plan="${date}"]`);
      await page.clickButton('Guardar');
      await page.see('Editar');
      await page.see('Planeada');
      await page.see('Iluminación de monumentos');
      await page.nav('calendar');
      await page.click('#tab-illumination');
      await page.el(`tr:has(td) span.badge`);
      const stillOffered = await page.b.execute((d) => document.querySelectorAll(`button[data-plan="${d}"]`).length, date);
      assert.equal(stillOffered, 0, 'the day is now marked as planned');
    }],
  ],
};
