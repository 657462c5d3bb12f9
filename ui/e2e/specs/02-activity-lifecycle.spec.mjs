// Logging an activity from an empty record: a validation error shown next to its field and
// corrected, then edit, trash and restore, undo, and a draft that survives closing the window.
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const TITLE = 'Reunión de trabajo con la Embajada de Francia';

export default {
  name: 'log, correct, edit, trash, restore, undo, drafts',
  steps: [
    ['first start with an empty record', async (page) => {
      await firstStart(page, { sample: false });
      await page.see('No hay actividades que coincidan.');
    }],
    ['saving without a title shows the Spanish error next to the field', async (page) => {
      await page.keys('Control', 'n');
      await page.see('Nueva actividad');
      await page.type('#start_date', '2021-08-03');
      await page.clickButton('Guardar');
      const error = await page.el('#title-error');
      assert.equal(await error.getText(), 'El título es obligatorio');
      assert.equal(await (await page.el('#title')).getAttribute('aria-invalid'), 'true');
      await page.shot('es-07-form-error');
    }],
    ['a wrong date is named in Spanish as it is typed', async (page) => {
      await page.type('#end_date', '2021-02-30');
      await page.click('#place');
      const error = await page.el('#end_date-error');
      assert.match(await error.getText(), /fecha/i);
      await page.type('#end_date', '');
    }],
    ['the corrected form saves with Ctrl+S and shows the activity', async (page) => {
      await page.type('#title', TITLE);
      await page.addToken('#countries', 'francia');
      await page.addToken('#organisations', 'Embajada de Francia en México');
      await page.choose('#modality', 'presencial');
      await page.type('#details\\.counterpart_head', 'Jean Dupont');
      await page.notSee('El título es obligatorio');
      await page.keys('Control', 's');
      await page.see('Editar');
      assert.equal(await page.text('header h1'), TITLE);
      await page.see('Francia');
      await page.see('Jean Dupont');
      await page.shot('es-08-detail');
    }],
    ['editing changes the title and keeps the history', async (page) => {
      await page.clickButton('Editar');
      await page.type('#title', `${TITLE} (seguimiento)`);
      await page.clickButton('Guardar');
      await page.b.waitUntil(async () => (await page.text('header h1')).endsWith('(seguimiento)'), { timeout: 5000 });
      await page.see('Modificó');
      await page.see('Creó');
    }],
    ['undo brings the previous title back', async (page) => {
      await page.clickButton('Deshacer');
      await page.b.waitUntil(async () => (await page.text('header h1')) === TITLE, { timeout: 5000, timeoutMsg: 'undo did not restore the title' });
    }],
    ['trash and restore', async (page) => {
      await page.clickButton('Enviar a la papelera');
      await page.el('#search');
      await page.see('No hay actividades que coincidan.');
      await page.clickButton('Ver papelera');
      await page.see(TITLE);
      await page.click('tbody tr[data-activity] button:not(.title)');
      await page.clickButton('Ver actividades');
      const titles = await page.listTitles();
      assert.deepEqual(titles, [TITLE]);
    }],
    ['a draft survives closing the window and is offered back', async (page) => {
      await page.keys('Control', 'n');
      await page.type('#title', 'Visita técnica de la delegación de Nueva Zelandia');
      await page.see('Borrador guardado');
      await page.restart();
      await page.see('Hay un borrador sin guardar de «Visita técnica de la delegación de Nueva Zelandia»');
      await page.clickButton('Recuperar borrador');
      const title = await page.el('#title');
      assert.equal(await title.getValue(), 'Visita técnica de la delegación de Nueva Zelandia');
    }],
  ],
};
