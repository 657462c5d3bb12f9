// First start with the sample data, then finding things: search with and without accents,
// filters, the dashboard, and a language switch, with screenshots of each main screen.
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

export default {
  name: 'first start with sample data, search, filters, language',
  steps: [
    ['first start asks who you are and loads the sample data', async (page) => {
      await page.see('Bienvenida a Enlace');
      await page.shot('es-01-first-start');
      await firstStart(page, { sample: true });
      const titles = await page.listTitles();
      assert.ok(titles.length >= 2, `sample data listed: ${titles}`);
      await page.shot('es-02-activities');
    }],
    ['search finds "Perú" typed with or without the accent', async (page) => {
      await page.type('#search', 'Perú');
      await page.b.waitUntil(async () => (await page.listTitles()).every((t) => /Per[uú]/i.test(t)), { timeout: 5000 });
      const withAccent = await page.listTitles();
      assert.ok(withAccent.some((t) => t.includes('Bicentenario de Perú')), withAccent.join(' | '));
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
        const kinds = await Promise.all((await page.all('tbody tr[data-activity] td:nth-child(3)')).map((c) => c.getText()));
        return kinds.length > 0 && kinds.every((k) => k === 'Iluminación de monumentos');
      }, { timeout: 5000, timeoutMsg: 'filter by kind did not apply' });
      await page.clickButton('Limpiar filtros');
    }],
    ['the dashboard charts open the filtered list', async (page) => {
      await page.nav('dashboard');
      await page.el('#chart-kind');
      await page.shot('es-04-dashboard');
      // Click the first (tallest) bar on the canvas itself, as a person would.
      const canvas = await page.el('#chart-kind');
      const bars = (await page.all('#chart-kind-figures button')).length;
      const { width, height } = await canvas.getSize();
      const left = 40;
      const x = left + (width - left) / bars / 2;
      await canvas.click({ x: Math.round(x - width / 2), y: Math.round(height / 2 - 45) });
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
      await page.shot('es-06-directory');
    }],
    ['switching to English changes the whole window at once', async (page) => {
      await page.nav('activities');
      await page.choose('#lang', 'en');
      await page.see('Activities');
      await page.see('Search by title');
      const dates = await Promise.all((await page.all('tbody td.date')).map((c) => c.getText()));
      assert.ok(dates.some((d) => /^[A-Z][a-z]+ \d{1,2}, \d{4}/.test(d)), `English dates: ${dates}`);
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
