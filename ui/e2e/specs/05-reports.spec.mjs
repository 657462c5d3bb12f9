// PDF documents from the real window: the report of the second semester of 2021 over the
// sample data, an empty period refused with a message, and the brief of one activity. The save
// dialog's answer is injected (ENLACE_TEST_SAVE_PATH); each file is checked to be a PDF that
// says what it should.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

let saveTo = '';

/** The PDF written at the injected path, checked and read back as text; then removed. */
function takePdf() {
  assert.ok(existsSync(saveTo), `no file at ${saveTo}`);
  const bytes = readFileSync(saveTo);
  assert.ok(bytes.length > 0, 'the PDF is empty');
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', saveTo, '-']).toString('utf8').split(/\s+/).join(' ');
  rmSync(saveTo);
  return { size: bytes.length, text };
}

export default {
  name: 'period report and activity brief as PDF',
  env: (dataDir) => {
    saveTo = path.join(dataDir, 'informe-2021-S2.pdf');
    return { ENLACE_TEST_SAVE_PATH: saveTo };
  },
  steps: [
    ['first start with the sample data', async (page) => firstStart(page, { sample: true })],
    ['the second semester of 2021 is two clicks away', async (page) => {
      await page.nav('reports');
      await page.see('Informe del periodo');
      await page.choose('#report-year', '2021');
      await page.click('button[data-preset="second"]');
      assert.equal(await (await page.el('#report-from')).getValue(), '01/07/2021');
      assert.equal(await (await page.el('#report-to')).getValue(), '31/12/2021');
      await page.b.waitUntil(async () => /^\d[\d,]* actividades en el periodo/.test(await page.text('#report-count')), {
        timeout: 5000, timeoutMsg: 'no activity count for the period',
      });
      await page.shot('es-20-reports');
    }],
    ['the report renders with progress and is saved as a PDF', async (page) => {
      await page.click('#generate-report');
      await page.el('#report-result');
      assert.match(await page.text('#report-result'), /PDF guardado en .*informe-2021-S2\.pdf/);
      await page.el('#open-report');
      await page.shot('es-21-report-saved');
      const { size, text } = takePdf();
      assert.ok(size > 10_000, `a whole report, not a stub (${size} bytes)`);
      for (const expected of ['Informe de acción internacional', 'Del 1 de julio al 31 de diciembre de 2021', 'Resumen ejecutivo', 'Anexo']) {
        assert.ok(text.includes(expected), `«${expected}» missing from the report`);
      }
    }],
    ['a country brief for Peru over the same semester', async (page) => {
      await page.choose('#brief-country', 'PE');
      await page.click('#generate-country-brief');
      // The result of the report went away with the click; this one appears once the file is written.
      await page.el('#report-result');
      const { text } = takePdf();
      assert.ok(text.includes('Ficha de país: Perú'), 'country brief heading');
      assert.ok(text.includes('Actividades del periodo'), 'the activities with Peru are listed');
    }],
    ['an empty period gets a message, not an empty PDF', async (page) => {
      // The sample data is all of 2021; this year has nothing yet.
      const year = String(new Date().getFullYear());
      await page.choose('#report-year', year);
      await page.click('button[data-preset="year"]');
      await page.see('No hay actividades en este periodo');
      await page.click('#generate-report');
      await page.see(`No hay actividades registradas del 1 de enero al 31 de diciembre de ${year}`);
      assert.ok(!existsSync(saveTo), 'nothing was saved');
      await page.shot('es-23-report-empty');
    }],
    ['an activity brief is printed from its detail screen', async (page) => {
      await page.nav('activities');
      await page.type('#search', 'Bicentenario');
      await page.b.waitUntil(async () => (await page.listTitles()).some((t) => /Bicentenario/.test(t)), { timeout: 10000 });
      await page.click('tbody tr[data-activity] button.title');
      await page.el('#print-brief');
      const title = await page.text('header h1');
      await page.click('#print-brief');
      await page.see('PDF guardado en');
      await page.shot('es-22-brief-saved');
      const { text } = takePdf();
      assert.ok(text.includes('Ficha informativa'), 'brief heading');
      assert.ok(text.includes(title.split(/\s+/).join(' ')), `the brief names «${title}»`);
      await page.click('.toast .close');
    }],
    ['the screen in English makes an English report', async (page) => {
      await page.choose('#lang', 'en');
      await page.nav('reports');
      await page.see('Period report');
      await page.choose('#report-year', '2021');
      await page.click('button[data-preset="second"]');
      assert.equal(await (await page.el('#report-lang')).getValue(), 'en');
      await page.b.waitUntil(async () => /activities in the period/.test(await page.text('#report-count')), { timeout: 5000 });
      await page.shot('en-20-reports');
      await page.click('#generate-report');
      await page.el('#report-result');
      await page.shot('en-21-report-saved');
      const { text } = takePdf();
      assert.ok(text.includes('International action report'), 'English title');
      await page.choose('#lang', 'es-MX');
    }],
  ],
};
