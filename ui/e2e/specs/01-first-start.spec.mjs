// First start with the sample data, then finding things: search with and without accents,
// filters, the dashboard, and a language switch, with screenshots of each main screen.
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

export default {
  name: 'first start with sample data, search, filters, language',
  steps: [
    ['first start asks who you are and loads the sample data', async (page) => {
      await page.see('Le damos la bienvenida a Enlace');
      await page.shot('es-01-first-start');
      await firstStart(page, { sample: true });
      const titles = await page.listTitles();
      assert.ok(titles.length >= 2, `sample data listed: ${titles}`);
      await page.shot('es-02-activities');
    }],
    ['search finds "Perú" typed with or without the accent', async (page) => {
      await page.type('#search', 'Perú');
      // Results include activities tagged with Peru whose titles do not name it.
      await page.b.waitUntil(async () => {
        const titles = await page.listTitles();
        return titles.some((t) => /Bicentenario[\s\S]*Perú/.test(t)) && !titles.some((t) => /Azerbaiy/.test(t));
      }, { timeout: 15000, timeoutMsg: 'search for Perú did not narrow the list' });
      const withAccent = await page.listTitles();
      assert.ok(withAccent.some((t) => /Bicentenario[\s\S]*Perú/.test(t)), withAccent.join(' | '));
      await page.type('#search', 'peru');
      await page.b.waitUntil(async () => (await page.listTitles()).join() === withAccent.join(), { timeout: 5000, timeoutMsg: 'unaccented search differs' });
      await page.shot('es-03-search');
      await page.type('#search', '');
    }],
    ['Ctrl+K moves to the search box from anywhere', async (page) => {
      await page.nav('settings');
      await page.see('Carpeta de datos');
      await page.keys('Control', 'k');
      await page.b.waitUntil(async () => (await page.b.execute(() => document.activeElement?.id)) === 'search', { timeout: 5000 });
    }],
    ['filtering by kind lists only that kind', async (page) => {
      await page.choose('#filter-kind', 'illumination');
      await page.b.waitUntil(async () => {
        const kinds = await page.b.execute(() => [...document.querySelectorAll('tbody tr[data-activity] td:nth-child(3)')].map((c) => c.innerText.trim()));
        return kinds.length > 0 && kinds.every((k) => k === 'Iluminación de monumentos');
      }, { timeout: 5000, timeoutMsg: 'filter by kind did not apply' });
      await page.clickButton('Limpiar filtros');
    }],
    ['the dashboard charts open the filtered list', async (page) => {
      await page.nav('dashboard');
      await page.el('#chart-kind');
      await page.shot('es-04-dashboard');
      // Each bar has a labelled button twin under the chart (keyboard and screen-reader users
      // reach bars that way); pixel clicks on the canvas are unreliable under Xvfb.
      await page.click('#chart-kind-figures button');
      await page.el('#search');
      const kind = await page.el('#filter-kind');
      assert.notEqual(await kind.getValue(), '', 'the chart click set the kind filter');
    }],
    ['the calendar and the directory show', async (page) => {
      await page.nav('calendar');
      await page.see('Calendario');
      await page.shot('es-05-calendar');
      await page.nav('directory');
      await page.see('Organizaciones');
      await page.see('Personas');
      await page.shot('es-06-directory');
    }],
    ['a person in the directory opens the activities that name them', async (page) => {
      await page.type('#dir-search', 'munoz quinones');
      const count = await page.b.execute(() => document.querySelector('tr[data-person] td:last-child button')?.innerText.trim());
      assert.ok(Number(count) > 0, `Gerardo Muñoz Quiñones has activities: ${count}`);
      await page.click('tr[data-person] td:last-child button');
      await page.see('Solo: Gerardo Muñoz Quiñones');
      await page.b.waitUntil(async () => (await page.listTitles()).length === Math.min(Number(count), 50), { timeout: 5000, timeoutMsg: 'the list is not narrowed to the person' });
      await page.clickButton('Limpiar filtros');
      await page.notSee('Solo: Gerardo Muñoz Quiñones');
    }],
    ['switching to English changes the whole window at once', async (page) => {
      await page.nav('activities');
      await page.choose('#lang', 'en');
      await page.see('Activities');
      // A placeholder is no text on the page: read it from the field.
      await page.b.waitUntil(async () => /^Search by title/.test(await (await page.el('#search')).getAttribute('placeholder')), { timeout: 5000, timeoutMsg: 'search placeholder not in English' });
      // The rows re-render with the language, so read them in one go in the page.
      await page.b.waitUntil(async () => {
        const dates = await page.b.execute(() => [...document.querySelectorAll('tbody td.date')].map((c) => c.textContent.trim()));
        return dates.some((d) => /^[A-Z][a-z]+ \d{1,2}, \d{4}/.test(d));
      }, { timeout: 5000, timeoutMsg: 'dates not in English' });
      await page.shot('en-02-activities');
      await page.nav('dashboard');
      await page.el('#chart-kind');
      await page.see('Activities by kind');
      await page.shot('en-04-dashboard');
      await page.nav('calendar');
      await page.shot('en-05-calendar');
      await page.keys('Control', 'n');
      await page.see('New activity');
      await page.shot('en-07-form');
    }],
    ['the language chosen is kept for the next start', async (page) => {
      await page.restart();
      await page.see('Activities');
      await page.choose('#lang', 'es-MX');
      await page.see('Actividades');
    }],
  ],
};
