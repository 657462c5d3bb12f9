// Steps several specs share.
import { assert } from '../page.mjs';

export const OFFICER = 'Ana Peña Núñez';
export const OFFICE = 'Coordinación General de Asuntos Internacionales';

/** Answers the first-start screen, with or without the sample data, and with the office
 *  passphrase given or with the explicit choice of none. */
export async function firstStart(page, { sample, passphrase = null }) {
  await page.see('Le damos la bienvenida a Enlace');
  await page.type('#officer', OFFICER);
  await page.type('#office', OFFICE);
  if (passphrase) {
    await page.type('#passphrase', passphrase);
    await page.type('#passphrase-again', passphrase);
  } else {
    await page.click('input[value="none"]');
    await page.see('cualquiera que tenga este equipo');
  }
  await page.click(sample ? 'input[value="sample"]' : 'input[value="empty"]');
  await page.clickButton('Comenzar');
  await page.el('#search');
  // The sidebar clips long names with an ellipsis; its title carries the whole name.
  assert.equal(await (await page.el('.sidebar .office')).getAttribute('title'), OFFICE);
}
