// Data: a CSV imported through mapping, preview, dry run and confirmation; the list exported
// to Excel; a backup made and listed; in English, a file that is no archive refused in English. The native dialogs are answered by ENLACE_TEST_OPEN_PATH
// (the CSV) and ENLACE_TEST_SAVE_PATH (the export).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'agenda_2021.csv');
let exportPath;

const TITLES = ['Reunión con la Embajada de Perú', 'Taller de movilidad eléctrica', 'Reunión con la Embajada de Chile'];

/** Rows of a table, read in one go in the page (they re-render while the data settles). */
function rows(page, selector) {
  return page.b.execute((s) => [...document.querySelectorAll(`${s} tbody tr`)].map((r) => r.innerText), selector);
}

export default {
  name: 'spreadsheet import, export to Excel, backups',
  env: (dataDir) => {
    exportPath = path.join(dataDir, 'actividades.xlsx');
    return { ENLACE_TEST_OPEN_PATH: CSV, ENLACE_TEST_SAVE_PATH: exportPath };
  },
  steps: [
    ['first start, empty', async (page) => firstStart(page, { sample: false })],
    ['the CSV opens with a proposed mapping and a preview', async (page) => {
      await page.nav('data');
      await page.clickButton('Abrir hoja de cálculo');
      await page.see('agenda_2021.csv · 3 filas');
      // "Organismo" is no header Enlace knows: it is left out until the person maps it.
      assert.equal(await (await page.el('select[data-column="Organismo"]')).getValue(), 'ignore');
      assert.equal(await (await page.el('select[data-column="País"]')).getValue(), 'countries');
      await page.b.waitUntil(async () => (await rows(page, '#import-preview')).length === 3, { timeout: 10000, timeoutMsg: 'no preview of the 3 rows' });
      const before = await rows(page, '#import-preview');
      assert.ok(!before[0].includes('Embajada del Perú'), before[0]);
    }],
    ['mapping a column shows in the preview', async (page) => {
      await page.choose('select[data-column="Organismo"]', 'organisations');
      await page.b.waitUntil(async () => (await rows(page, '#import-preview'))[0]?.includes('Embajada del Perú'), {
        timeout: 5000, timeoutMsg: 'the preview never read the counterpart',
      });
      const preview = await rows(page, '#import-preview');
      assert.ok(preview[1].includes('3 de agosto de 2021') && preview[1].includes('Francia'), preview[1]);
    }],
    ['the dry run lists what will be created, then the import writes it', async (page) => {
      await page.clickButton('Simular importación');
      await page.see('3 por crear o actualizar · 0 posibles duplicados · 0 con errores');
      const actions = await page.b.execute(() => [...document.querySelectorAll('#import-plan tr[data-action]')].map((r) => r.dataset.action));
      assert.deepEqual(actions, ['create', 'create', 'create']);
      await page.shot('es-data-1-import');
      await page.clickButton('Confirmar e importar (3)');
      await page.see('Importación terminada: 3 creadas');
      await page.clickButton('Ver en la lista');
      await page.b.waitUntil(async () => (await page.listTitles()).length === 3, { timeout: 10000, timeoutMsg: 'the imported activities are not listed' });
      assert.deepEqual([...(await page.listTitles())].sort(), [...TITLES].sort());
    }],
    ['the list exports to Excel', async (page) => {
      await page.click('#export-menu');
      await page.click('button[data-format="xlsx"]');
      await page.see('Exportado a');
      await page.b.waitUntil(async () => existsSync(exportPath) && statSync(exportPath).size > 0, { timeout: 10000, timeoutMsg: 'no XLSX written' });
      // A workbook is a zip archive: it starts with "PK".
      const { readFileSync } = await import('node:fs');
      assert.equal(readFileSync(exportPath).subarray(0, 2).toString(), 'PK');
    }],
    ['a backup made now is listed first', async (page) => {
      await page.nav('data');
      await page.click('#tab-backups');
      await page.b.waitUntil(async () => (await rows(page, '#backups')).length >= 1, { timeout: 10000, timeoutMsg: 'no automatic backup at start' });
      await page.clickButton('Respaldar ahora');
      await page.see('Respaldo creado.');
      // The retention rule keeps one snapshot a day, so today's start-up snapshot gives way to it.
      await page.b.waitUntil(async () => (await rows(page, '#backups'))[0]?.includes('manual'), { timeout: 10000, timeoutMsg: 'the new backup is not listed' });
      const listed = await rows(page, '#backups');
      assert.ok(listed[0].includes('manual') && listed[0].includes('3'), listed[0]);
      await page.shot('es-data-2-backups');
    }],
    ['in English, the same file now shows as likely duplicates', async (page) => {
      await page.choose('#lang', 'en');
      await page.see('Saved backups');
      await page.shot('en-data-2-backups');
      await page.click('#tab-import');
      await page.clickButton('Open spreadsheet');
      await page.see('agenda_2021.csv · 3 rows');
      await page.clickButton('Run dry run');
      await page.see('0 to create or update · 3 likely duplicates · 0 with errors');
      await page.see('Looks like a duplicate of «Reunión con la Embajada de Perú»');
      await page.shot('en-data-1-import');
      await page.choose('#lang', 'es-MX');
    }],
    ['in English, a core error reads in English: a file that is no archive is refused', async (page) => {
      await page.choose('#lang', 'en');
      await page.click('#tab-backups');
      // The open dialog answers with the CSV: no ZIP archive of Enlace.
      await page.clickButton('Open full archive');
      await page.click('#confirm-yes');
      await page.see('The compressed file cannot be read or written');
      const shown = await page.bodyText();
      // The backup error used to reach English screens in Spanish ("el archivo comprimido…").
      assert.ok(!/archivo comprimido|no se puede/.test(shown), shown);
      // Nothing was replaced: the three imported activities are still there.
      await page.nav('activities');
      await page.b.waitUntil(async () => (await page.listTitles()).length === 3, { timeout: 10000, timeoutMsg: 'the refused archive changed the list' });
      await page.choose('#lang', 'es-MX');
    }],
  ],
};
