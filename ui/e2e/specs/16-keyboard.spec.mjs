// One activity's whole life from the keyboard alone: created with Ctrl+N, its fields reached
// with Tab, saved with Ctrl+S, found with Ctrl+K, opened with Enter and sent to the trash —
// no click anywhere. Focus is always somewhere a person can see.
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const TITLE = 'Reunión de trabajo con la Ciudad de Nagoya';

/** What has focus: its id, or its tag and text. */
function focused(page) {
  return page.b.execute(() => {
    const a = document.activeElement;
    return a ? a.id || `${a.tagName}:${a.textContent.trim()}` : '';
  });
}

/** Presses Tab until `wanted` says the focused element is the one, as a person would. */
async function tabTo(page, wanted, what) {
  for (let i = 0; i < 40; i++) {
    if (wanted(await focused(page))) return;
    await page.keys('Tab');
  }
  assert.fail(`Tab never reached ${what}; focus is on ${await focused(page)}`);
}

export default {
  name: 'an activity created, found and trashed with the keyboard alone',
  steps: [
    ['first start', async (page) => firstStart(page, { sample: false })],
    ['Ctrl+N, Tab to each field, type, Ctrl+S', async (page) => {
      await page.keys('Control', 'n');
      await page.see('Nueva actividad');
      await page.b.waitUntil(async () => (await focused(page)) === 'kind', { timeout: 5000, timeoutMsg: 'the new form does not focus its first field' });
      await tabTo(page, (f) => f === 'title', 'the title');
      await page.b.keys(TITLE);
      await tabTo(page, (f) => f === 'start_date', 'the start date');
      await page.b.keys('14/10/2021');
      await page.see('Se guardará: 14 de octubre de 2021');
      await page.keys('Control', 's');
      await page.see('Editar');
      await page.b.waitUntil(async () => (await focused(page)).startsWith('H1'), { timeout: 5000, timeoutMsg: 'focus is not on the saved activity’s heading' });
    }],
    ['Ctrl+K finds it, Tab reaches it, Enter opens it', async (page) => {
      await page.keys('Control', 'k');
      await page.b.waitUntil(async () => (await focused(page)) === 'search', { timeout: 5000, timeoutMsg: 'Ctrl+K does not focus the search' });
      await page.b.keys('nagoya');
      await page.b.waitUntil(async () => (await page.listTitles()).join() === TITLE, { timeout: 5000, timeoutMsg: 'the search does not find it' });
      await tabTo(page, (f) => f === `BUTTON:${TITLE}`, 'the activity in the list');
      await page.keys('Enter');
      await page.see('Editar');
      await page.b.waitUntil(async () => (await focused(page)).startsWith('H1'), { timeout: 5000, timeoutMsg: 'focus is not on the activity’s heading' });
    }],
    ['Tab to «Enviar a la papelera», Enter: the list no longer holds it', async (page) => {
      await tabTo(page, (f) => f === 'BUTTON:Enviar a la papelera', 'the trash button');
      await page.keys('Enter');
      await page.el('#search');
      await page.see('No hay actividades que coincidan.');
      const after = await focused(page);
      assert.ok(!after.startsWith('BODY'), `focus fell to the page body after the trash`);
    }],
  ],
};
