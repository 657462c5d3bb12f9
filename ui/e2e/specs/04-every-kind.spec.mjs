// One activity of each kind, with the fields its kind requires.
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const KINDS = [
  ['meeting', 'Reunión con la Embajada de Perú', {}],
  ['delegation', 'Recepción de la delegación de Nueva Zelandia', { direction: 'incoming' }],
  ['training', 'Taller de contratación abierta', { participants: '25', provider: 'UK PACT' }],
  ['illumination', 'Iluminación por el día nacional de Suiza', { occasion: 'Día nacional de Suiza' }],
  ['agreement', 'Memorándum con la Ciudad de Buenos Aires', { agreement_type: 'memorandum' }],
  ['network', 'Consejo mundial de CGLU', { network: 'CGLU' }],
  ['event', 'Foro de ciudades sostenibles', { event_type: 'foro' }],
  ['project', 'Proyecto de movilidad eléctrica', { lead_partner: 'C40' }],
  ['award', 'Premio a la innovación urbana', { granted_by: 'Bloomberg Philanthropies' }],
  ['financing', 'Donación para resiliencia', { amount: '20000', currency: 'USD', donor: 'Fundación Rockefeller' }],
  ['press', 'Entrevista en medio internacional', { outlet: 'The Guardian' }],
  ['other', 'Atención a población extranjera', {}],
];

/** How the detail screen words the choices above: a label, never the stored code. */
const SHOWN = { incoming: 'Recibida en la ciudad', memorandum: 'Memorándum de entendimiento', foro: 'Foro' };

export default {
  name: 'one activity of each kind',
  steps: [
    ['first start', async (page) => firstStart(page, { sample: false })],
    ...KINDS.map(([kind, title, details]) => [`log a ${kind}`, async (page) => {
      await page.nav('activities');
      await page.keys('Control', 'n');
      await page.see('Nueva actividad');
      await page.choose('#kind', kind);
      await page.type('#title', title);
      await page.type('#start_date', '2021-10-18');
      for (const [key, value] of Object.entries(details)) {
        const selector = `#details\\.${key}`;
        await page.el(selector);
        const tag = await page.b.execute((id) => document.getElementById(id).tagName.toLowerCase(), `details.${key}`);
        if (tag === 'select') await page.choose(selector, value);
        else await page.type(selector, value);
      }
      await page.clickButton('Guardar');
      await page.see('Editar');
      assert.equal(await page.text('header h1'), title);
      if (kind === 'financing') await page.see('$20,000.00 USD');
      for (const code of Object.values(details).filter((v) => v in SHOWN)) {
        await page.see(SHOWN[code]);
        const words = (await page.text('main')).split(/[^\p{L}\p{N}_]+/u);
        assert.ok(!words.includes(code), `the code «${code}» is shown on the ${kind} detail screen`);
      }
    }]),
    ['all twelve are listed', async (page) => {
      await page.nav('activities');
      const titles = await page.listTitles();
      assert.equal(titles.length, KINDS.length, titles.join(' | '));
      await page.shot('es-10-every-kind');
    }],
  ],
};
