// The report as the office signs it, from the real window: a Presentación and an axis'
// introduction written in the Reports screen, the three signatures, the whole saved as a named
// definition; the report generated over the sample data prints them in place (pdftotext), and
// the Historial lists it with the SHA-256 of the very file written. A photo attached to an
// activity and marked for the report prints with its caption and credit.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

/** A PNG a person would attach: the app's own icon. */
const PHOTO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'src-tauri', 'icons', '128x128.png');
const CAPTION = 'Visita guiada al Museo de Arte Popular';
/** A training of the sample's second semester of 2021. */
const COURSE = 'Curso de gestión de museos y patrimonio (2.ª edición)';

let saveTo = '';
let axis = '';

const PRESENTATION = 'Este informe da cuenta de la **acción internacional** del semestre.\n\n- *Ciudades* hermanas\n- Cooperación técnica';
const INTRODUCTION = 'Este eje reunió el trabajo con ciudades de todo el mundo.';

/** Types several lines as a person does, Enter between them (WebKitWebDriver types no "\n"). */
async function typeLines(page, selector, text) {
  const [first, ...rest] = text.split('\n');
  await page.type(selector, first);
  for (const line of rest) {
    await page.keys('Enter');
    if (line) await (await page.el(selector)).addValue(line);
  }
}

export default {
  name: 'presentation, axis introduction and sign-off in the period report, and its history',
  env: (dataDir) => {
    saveTo = path.join(dataDir, 'informe-2021-S2.pdf');
    return { ENLACE_TEST_SAVE_PATH: saveTo, ENLACE_TEST_OPEN_PATH: PHOTO };
  },
  steps: [
    ['first start with the sample data', async (page) => firstStart(page, { sample: true })],
    ['a photo is attached to an activity and marked for the report', async (page) => {
      await page.nav('activities');
      await page.type('#search', 'gestión de museos');
      await page.b.waitUntil(async () => (await page.listTitles()).includes(COURSE), { timeout: 10000 });
      await page.click(`//tbody/tr[@data-activity]//*[contains(@class, 'title') and normalize-space(.) = ${JSON.stringify(COURSE)}]`);
      await page.clickButton('Adjuntar archivos');
      await page.click("//label[contains(., 'Incluir en el informe')]/input");
      await page.type("//label[contains(., 'Pie de foto')]/input", CAPTION);
      await page.keys('Tab');
      await page.type("//label[contains(., 'Crédito')]/input", 'Ana Peña');
      await page.keys('Tab');
      await page.see('Cambió una foto del informe');
    }],
    ['the texts and signatures are written and saved as a definition', async (page) => {
      await page.nav('reports');
      await page.see('Informe del periodo');
      await page.see('Aún no se ha generado ningún informe.');
      await page.choose('#report-year', '2021');
      await page.click('button[data-preset="second"]');
      await typeLines(page, '#report-presentation', PRESENTATION);
      await page.click('.intros summary');
      axis = await (await page.el('#report-intro-0')).getAttribute('data-axis');
      await page.type('#report-intro-0', INTRODUCTION);
      await page.type('#signoff-prepared-name', 'Lucía Hernández');
      await page.type('#signoff-prepared-post', 'Jefa de la Unidad de Enlace');
      await page.type('#signoff-reviewed-name', 'Marco Ruiz');
      await page.type('#signoff-authorised-name', 'Teresa Quiroga');
      await page.type('#signoff-authorised-post', 'Coordinadora General');
      await page.type('#report-definition-name', 'Informe S2 2021');
      await page.click('#save-definition');
      await page.see('Definición «Informe S2 2021» guardada.');
      await page.shot('es-24-report-texts');
    }],
    ['the report prints them in place', async (page) => {
      await page.click('#generate-report');
      await page.el('#report-result');
      assert.ok(existsSync(saveTo), `no file at ${saveTo}`);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', saveTo, '-']).toString('utf8').split(/\s+/).join(' ');
      const at = (needle, from = 0) => {
        const i = text.indexOf(needle, from);
        assert.ok(i >= 0, `«${needle}» missing from the report`);
        return i;
      };
      const presentation = at('Este informe da cuenta de la acción internacional del semestre.');
      assert.ok(at('Presentación') < presentation);
      assert.ok(presentation < at('• Ciudades hermanas • Cooperación técnica'));
      // The contents list every heading first; the summary's body comes after the presentation.
      assert.ok(presentation < text.lastIndexOf('Resumen ejecutivo'));
      const introduction = at(INTRODUCTION);
      assert.ok(text.lastIndexOf(axis, introduction) > presentation, `the introduction follows the heading of «${axis}»`);
      const photo = at(CAPTION, presentation);
      assert.ok(photo < text.lastIndexOf('Anexo'), 'the photo prints in its axis part, before the annex');
      at('Foto: Ana Peña', photo);
      const signOff = at('Elaboró', introduction);
      assert.ok(text.lastIndexOf('Anexo') < signOff, 'the sign-off closes the report');
      for (const name of ['Lucía Hernández', 'Jefa de la Unidad de Enlace', 'Revisó', 'Marco Ruiz', 'Autorizó', 'Teresa Quiroga', 'Coordinadora General']) {
        at(name, signOff);
      }
    }],
    ['the history lists the report with the SHA-256 of the file', async (page) => {
      const sha = createHash('sha256').update(readFileSync(saveTo)).digest('hex');
      const code = await page.el(`#report-history code[data-sha256="${sha}"]`);
      assert.equal(await code.getAttribute('title'), sha);
      assert.equal(await code.getText(), `${sha.slice(0, 12)}…`);
      const row = await page.text('#report-history tbody tr');
      assert.match(row, /informe-2021-S2\.pdf/);
      assert.match(row, /Ana Peña Núñez/);
      assert.match(row, /Informe S2 2021/);
      await (await page.el('#report-history')).scrollIntoView({ block: 'center' });
      await page.shot('es-25-report-history');
    }],
  ],
};
