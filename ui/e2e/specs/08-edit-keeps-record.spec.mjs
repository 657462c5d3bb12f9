// Nothing a person entered is lost by an edit: a record imported with follow-ups, times, posts,
// roles and a written date (by the `enlace` CLI beside the app, as another office's file
// would come in) is opened in the form, only its title is changed, and the CLI's export
// afterwards differs from the one before in the title alone.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const ID = '0193a4f0-0000-7000-8000-000000000008';
const TITLE = 'Reunión de trabajo con el Embajador de Francia';
const NEW_TITLE = 'Reunión de trabajo con el Embajador de Francia sobre electromovilidad';

const RECORD = {
  id: ID,
  kind: 'meeting',
  title: TITLE,
  start_date: '2021-07-12',
  start_time: '10:00',
  end_time: '11:30',
  date_text: 'lunes 12 de julio de 2021, de 10:00 a 11:30',
  summary: 'Se revisó la agenda de cooperación en movilidad eléctrica.\n\nSe acordó una visita técnica.',
  modality: 'presencial',
  place: 'Antiguo Palacio del Ayuntamiento',
  countries: ['Francia'],
  organisations: [{ name: 'Embajada de Francia en México', role: 'contraparte' }, 'Agencia de Movilidad'],
  people: [
    { name: 'Jean-Pierre Asvazadourian', post: 'Embajador', organisation: 'Embajada de Francia en México', role: 'titular' },
    'Laura Méndez',
  ],
  axis: 'Más y Mejor Movilidad',
  topics: ['movilidad', 'electromovilidad, transporte'],
  outcomes: 'Visita técnica acordada para octubre.',
  follow_ups: [
    { task: 'Enviar propuesta de agenda', due: '2021-07-30', owner: 'Coordinación de Asuntos Internacionales', done: true },
    { task: 'Confirmar la visita técnica', due: '2021-09' },
  ],
  status: 'done',
  details: { counterpart_head: 'Jean-Pierre Asvazadourian', counterpart_post: 'Embajador', meeting_type: 'trabajo' },
};

let db;
let before;

/** The `enlace` CLI beside the app binary, on the app's own database. */
function cli(...args) {
  const bin = path.join(path.dirname(process.env.ENLACE_E2E_APP), 'enlace');
  return execFileSync(bin, ['--db', db, '--as', 'Oficina de enlace', ...args], { encoding: 'utf8' });
}

/** The one exported record, parsed. */
function exported() {
  const lines = cli('export', '--format', 'jsonl').trim().split('\n');
  assert.equal(lines.length, 1, lines.join('\n'));
  return JSON.parse(lines[0]);
}

export default {
  name: 'an edit of the title keeps every other field of an imported record',
  env(dataDir) {
    db = path.join(dataDir, 'enlace.db');
    const work = path.join(dataDir, 'oficina');
    mkdirSync(work);
    const file = path.join(work, 'reunion.jsonl');
    writeFileSync(file, JSON.stringify(RECORD) + '\n');
    cli('import', file);
    before = exported();
    assert.equal(before.follow_ups.length, 2, 'the import kept the follow-ups');
    return {};
  },
  steps: [
    ['first start', async (page) => firstStart(page, { sample: false })],
    ['the imported record opens in the form with every field', async (page) => {
      await page.nav('activities');
      assert.deepEqual(await page.listTitles(), [TITLE]);
      await page.click('tbody tr[data-activity] button.title');
      await page.clickButton('Editar');
      await page.see('Editar actividad');
      assert.equal(await (await page.el('#start_time')).getValue(), '10:00');
      assert.equal(await (await page.el('#date_text')).getValue(), RECORD.date_text);
      assert.equal(await (await page.el('#organisations-0-role')).getValue(), 'contraparte');
      assert.equal(await (await page.el('#people-0-post')).getValue(), 'Embajador');
      assert.equal(await (await page.el('[id="follow_ups[1].due"]')).getValue(), '2021-09');
      assert.equal(await (await page.el('[id="follow_ups[0].done"]')).isSelected(), true);
      await page.shot('es-11-form');
      await (await page.el('#mentions-title')).scrollIntoView({ block: 'start' });
      await page.shot('es-12-form-people-follow-ups');
    }],
    ['only the title is changed and saved', async (page) => {
      await page.type('#title', NEW_TITLE);
      await page.clickButton('Guardar');
      await page.b.waitUntil(async () => (await page.text('header h1')) === NEW_TITLE, { timeout: 5000, timeoutMsg: 'the saved title is not shown' });
    }],
    ['the export differs from the one before in the title alone', async () => {
      const after = exported();
      assert.equal(after.title, NEW_TITLE);
      assert.deepEqual({ ...after, title: TITLE }, before);
    }],
  ],
};
