// A copy protected by the office passphrase chosen at first start: Ctrl+L locks the window and
// nothing of the record stays on the page; a wrong passphrase is refused in words and the right
// one brings the record back; after a restart the copy opens locked; left alone past its idle
// time (shortened for the test) it locks itself. The database file holds no title in clear.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const PASSPHRASE = 'flor de cempasúchil 2021';
const SAMPLE_TITLE = 'Embajada';
let db;

/** The page shows no record: no list row, no activity heading, no sample text. */
async function recordGone(page) {
  const shown = await page.b.execute(() => ({ rows: document.querySelectorAll('[data-activity]').length, text: document.body.innerText }));
  assert.equal(shown.rows, 0, 'list rows are still in the page');
  assert.ok(!shown.text.includes(SAMPLE_TITLE), 'a record’s words are still on the page');
}

export default {
  name: 'the office passphrase: chosen at first start, lock and unlock, idle lock',
  env(dataDir) {
    db = path.join(dataDir, 'enlace.db');
    return { ENLACE_LOCK_AFTER_SECONDS: '6' };
  },
  steps: [
    ['first start with a passphrase and the sample', async (page) => firstStart(page, { sample: true, passphrase: PASSPHRASE })],
    ['the database on disk is encrypted: no title, no SQLite header', async (page) => {
      await page.see(SAMPLE_TITLE);
      const bytes = readFileSync(db);
      assert.ok(!bytes.subarray(0, 16).toString('latin1').startsWith('SQLite format 3'), 'the file is plain SQLite');
      assert.ok(!bytes.includes(Buffer.from('Embajada')), 'a title is readable in the file');
    }],
    ['Ctrl+L locks: the lock screen, and no record left in the page', async (page) => {
      await page.keys('Control', 'l');
      await page.see('Enlace está bloqueado');
      await recordGone(page);
      await page.shot('es-80-locked');
    }],
    ['a wrong passphrase is refused in words; the right one brings the record back', async (page) => {
      await page.type('#unlock-passphrase', 'otra cosa');
      await page.keys('Enter');
      await page.see('contraseña');
      await page.el('#unlock-passphrase[aria-invalid="true"]');
      await page.type('#unlock-passphrase', PASSPHRASE);
      await page.keys('Enter');
      await page.see(SAMPLE_TITLE);
      assert.ok((await page.listTitles()).length > 0);
    }],
    ['after a restart the copy opens locked', async (page) => {
      await page.restart();
      await page.see('Enlace está bloqueado');
      await recordGone(page);
      await page.type('#unlock-passphrase', PASSPHRASE);
      await page.keys('Enter');
      await page.see(SAMPLE_TITLE);
    }],
    ['left alone past its idle time, the window locks itself', async (page) => {
      await page.b.waitUntil(async () => (await page.bodyText()).includes('Enlace está bloqueado'), { timeout: 20000, timeoutMsg: 'the window did not lock when left idle' });
      await recordGone(page);
    }],
  ],
};
