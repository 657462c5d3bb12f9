// Word documents from the real window: the report of the second semester of 2021 over the
// sample data and the brief of one activity, each saved as a .docx (the save dialog's answer is
// injected) and opened as the zip package Word reads, whose document part says what it should.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

let saveTo = '';

/** The text of the Word document written at the injected path (its body and its page
 *  headers); then it is removed. */
function takeDocx() {
  assert.ok(existsSync(saveTo), `no file at ${saveTo}`);
  assert.equal(readFileSync(saveTo).subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a zip package');
  const xml = execFileSync('unzip', ['-p', saveTo, 'word/document.xml', 'word/header*.xml']).toString('utf8');
  rmSync(saveTo);
  return xml.replace(/<[^>]+>/g, ' ').split(/\s+/).join(' ');
}

export default {
  name: 'period report and activity brief as Word documents',
  env: (dataDir) => {
    saveTo = path.join(dataDir, 'informe-2021-S2.docx');
    return { ENLACE_TEST_SAVE_PATH: saveTo };
  },
  steps: [
    ['first start with the sample data', async (page) => firstStart(page, { sample: true })],
    ['the second semester of 2021 as a Word report', async (page) => {
      await page.nav('reports');
      await page.see('Informe del periodo');
      await page.choose('#report-year', '2021');
      await page.click('button[data-preset="second"]');
      await page.click('#report-format input[value="docx"]');
      await page.click('#generate-report');
      await page.el('#report-result');
      assert.match(await page.text('#report-result'), /Documento de Word guardado en .*informe-2021-S2\.docx/);
      const text = takeDocx();
      for (const expected of ['Informe de acción internacional', 'Resumen ejecutivo', 'Anexo']) {
        assert.ok(text.includes(expected), `«${expected}» missing from the Word report`);
      }
    }],
    ['an activity brief in Word from its detail screen', async (page) => {
      await page.nav('activities');
      await page.type('#search', 'Bicentenario');
      await page.b.waitUntil(async () => (await page.listTitles()).some((t) => /Bicentenario/.test(t)), { timeout: 10000 });
      await page.click('tbody tr[data-activity] button.title');
      await page.el('#brief-word');
      await page.click('#brief-word');
      await page.see('Documento de Word guardado en');
      const text = takeDocx();
      assert.ok(text.includes('Ficha informativa'), 'brief heading');
      assert.ok(text.includes('Bicentenario'), 'the brief names the activity');
    }],
  ],
};
