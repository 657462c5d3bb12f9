// Every view tells the same truth (issue 19): each bar of the dashboard's month chart opens a
// list of exactly as many activities as it shows; a search is in the order its header shows;
// the calendar finds today and lists a long project once in a month.
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

/** The figure of each bar of a chart, read from its labelled buttons ("marzo de 2021: 43"). */
async function bars(page, chart) {
  await page.el(`#${chart}-figures button`);
  return page.b.execute((id) => [...document.querySelectorAll(`#${id}-figures button`)].map((b) => b.innerText.trim()), chart);
}

/** The number of matches the list reports ("43 resultados", "1 resultado"), once loaded. */
async function listCount(page) {
  let text = '';
  await page.b.waitUntil(async () => {
    text = await page.text('p.count');
    return /^\d[\d,]* resultados?$/.test(text);
  }, { timeout: 10000, timeoutMsg: 'the list count never showed' });
  return Number(text.replace(/[^\d]/g, ''));
}

/** The start dates of the listed rows, in the order shown. */
async function listedStarts(page) {
  await listCount(page);
  const starts = await page.b.execute(() => [...document.querySelectorAll('tbody tr[data-activity]')].map((r) => r.dataset.start));
  // A date known by month or year sorts by its first day, as the store sorts it.
  return starts.map((d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d));
}

/** The month the calendar shows, as written (its style capitalises each word on screen). */
const shownMonth = (page) => page.b.execute(() => document.querySelector('.nav h2')?.textContent.trim());

const sortedDesc = (xs) => [...xs].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));

export default {
  name: 'every view tells the same truth',
  steps: [
    ['first start with the sample data', async (page) => firstStart(page, { sample: true })],
    ['each month bar opens a list of exactly its count', async (page) => {
      await page.nav('dashboard');
      const figures = await bars(page, 'chart-month');
      assert.ok(figures.length >= 12, `months charted: ${figures}`);
      await page.shot('es-30-dashboard-months');
      // Every bar of 2021 and a sample of the later ones (long projects run into 2023).
      const picked = figures.map((_, i) => i).filter((i) => i < 14 || i % 6 === 0);
      for (const i of picked) {
        await page.nav('dashboard');
        const [label, figure] = (await bars(page, 'chart-month'))[i].split(/:\s*/);
        await page.click(`#chart-month-figures li:nth-child(${i + 1}) button`);
        await page.el('#search');
        const count = await listCount(page);
        assert.equal(count, Number(figure.replace(/[^\d]/g, '')), `${label}: the bar says ${figure}, the list shows ${count}`);
        if (i === 1) {
          assert.match(await page.text('#period-hint'), /incluye las actividades que ocurren en él/);
          await page.shot('es-31-month-list');
        }
      }
    }],
    ['a kind bar opens a list of its count too', async (page) => {
      await page.nav('dashboard');
      const [label, figure] = (await bars(page, 'chart-kind'))[0].split(/:\s*/);
      await page.click('#chart-kind-figures li:nth-child(1) button');
      await page.el('#search');
      assert.equal(await listCount(page), Number(figure.replace(/[^\d]/g, '')), `${label}`);
      await page.clickButton('Limpiar filtros');
    }],
    ['a search is in the order its header shows', async (page) => {
      await page.type('#search', 'embajada');
      await page.b.waitUntil(async () => (await page.b.execute(() => document.querySelector('#search').value)) === 'embajada', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 600));
      const header = () => page.b.execute(() => document.querySelector('th:first-child').getAttribute('aria-sort'));
      let starts = await listedStarts(page);
      assert.ok(starts.length >= 5, `embajada finds ${starts.length}`);
      assert.equal(await header(), 'descending');
      assert.match(await page.text('th:first-child'), /Fecha ▼/);
      assert.deepEqual(starts, sortedDesc(starts), 'newest first, as ▼ says');
      await page.shot('es-32-search-sorted');
      await page.click('th:first-child button.sort');
      await page.b.waitUntil(async () => (await header()) === 'ascending', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 400));
      starts = await listedStarts(page);
      assert.deepEqual(starts, sortedDesc(starts).reverse(), 'oldest first, as ▲ says');
      await page.click('th:first-child button.sort');
      await page.b.waitUntil(async () => (await header()) === 'descending', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 400));
      starts = await listedStarts(page);
      assert.deepEqual(starts, sortedDesc(starts), 'newest first again');
      // Relevance is a sort the person picks, and then the date header claims no order.
      await page.choose('#sort', 'relevance');
      await page.b.waitUntil(async () => (await header()) === null, { timeout: 5000, timeoutMsg: 'the date header still claims an order' });
      await page.shot('es-33-search-relevance');
      await page.type('#search', '');
    }],
    ['the calendar goes back to today with "Hoy"', async (page) => {
      await page.nav('calendar');
      await page.el('#calendar-today');
      const thisMonth = await page.b.execute(() => new Intl.DateTimeFormat('es-MX', { month: 'long', year: 'numeric' }).format(new Date()));
      await page.b.waitUntil(async () => (await shownMonth(page)) === thisMonth, { timeout: 5000, timeoutMsg: 'the calendar does not open on this month' });
      assert.equal(await page.b.execute(() => document.querySelectorAll('td[aria-current="date"]').length), 1);
      await page.click('button[aria-label="Anterior"]');
      await page.click('button[aria-label="Anterior"]');
      await page.b.waitUntil(async () => (await shownMonth(page)) !== thisMonth, { timeout: 5000 });
      assert.equal(await page.b.execute(() => document.querySelectorAll('td[aria-current="date"]').length), 0);
      await page.click('#calendar-today');
      await page.b.waitUntil(async () => (await shownMonth(page)) === thisMonth, { timeout: 5000, timeoutMsg: '"Hoy" did not come back to this month' });
      const focused = await page.b.execute(() => document.activeElement?.getAttribute('aria-current'));
      assert.equal(focused, 'date', 'today holds the focus');
      await page.keys('ArrowRight');
      await page.keys('PageDown');
      await page.b.waitUntil(async () => (await shownMonth(page)) !== thisMonth, { timeout: 5000, timeoutMsg: 'PageDown did not change the month' });
      await page.click('#calendar-today');
      await page.shot('es-34-calendar-today');
    }],
    ['a year-long project appears once in a month', async (page) => {
      await page.choose('#calendar-year', '2021');
      await page.choose('#calendar-month', '5');
      await page.b.waitUntil(async () => (await shownMonth(page)) === 'junio de 2021', { timeout: 5000, timeoutMsg: 'the picker did not reach June 2021' });
      await page.see('En curso este mes');
      const title = 'Proyecto de resiliencia hídrica con la Fundación Konrad Adenauer';
      await page.see(title);
      const seen = await page.b.execute((t) => ({
        grid: [...document.querySelectorAll('table.month button')].filter((b) => b.innerText.includes(t)).length,
        ongoing: [...document.querySelectorAll('.ongoing li')].filter((li) => li.innerText.includes(t)).length,
      }), title);
      assert.deepEqual(seen, { grid: 0, ongoing: 1 });
      await page.shot('es-35-calendar-ongoing');
    }],
    ['at 1024×768 every toolbar action of the list is in view', async (page) => {
      await page.b.setWindowSize(1024, 768);
      await page.nav('activities');
      await page.el('#search');
      const hidden = await page.b.execute(() => [...document.querySelectorAll('.head .toolbar button')]
        .filter((b) => { const r = b.getBoundingClientRect(); return r.width === 0 || r.right > window.innerWidth || r.bottom > window.innerHeight; })
        .map((b) => b.innerText.trim()));
      assert.deepEqual(hidden, [], `toolbar buttons out of view at ${await page.b.execute(() => `${window.innerWidth}×${window.innerHeight}`)}`);
      assert.ok(await (await page.el('//button[contains(normalize-space(.), "Nueva actividad")]')).isDisplayed());
      await page.shot('es-36-activities-1024');
    }],
  ],
};
