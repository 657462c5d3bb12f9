// Steps several specs share.
import { assert } from '../page.mjs';

export const OFFICER = 'Ana Peña Núñez';
export const OFFICE = 'Coordinación General de Asuntos Internacionales';

/** Answers the first-start screen, with or without the sample data. */
export async function firstStart(page, { sample }) {
  await page.see('Le damos la bienvenida a Enlace');
  await page.type('#officer', OFFICER);
  await page.type('#office', OFFICE);
  await page.click(sample ? 'input[value="sample"]' : 'input[value="empty"]');
  await page.clickButton('Comenzar');
  await page.el('#search');
  // The sidebar clips long names with an ellipsis; its title carries the whole name.
  assert.equal(await (await page.el('.sidebar .office')).getAttribute('title'), OFFICE);
}
