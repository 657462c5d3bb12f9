// Every screen, in Spanish and in English, read for raw codes and keys (and, in English, for
// the window's Spanish) and checked by axe-core in the real window against WCAG
// 2.1 A/AA and axe's best practices; after every navigation focus is on the new screen's
// heading (or the first field of a form), never on the page body or the sidebar. The app's
// CSP refuses injected scripts, so axe's source is sent as the body of an execute-script.
// Last, the window made 1024 × 768 and zoomed to 200 % with Ctrl + (five steps of 20 %), as a
// person with low vision would: no screen is wider than the window, every section stays one
// click away. (WebDriver cannot resize this window; xdotool does, as a window manager would.)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assert } from '../page.mjs';
import { firstStart } from './common.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SECTIONS = ['activities', 'calendar', 'directory', 'dashboard', 'reports', 'sync', 'data', 'settings'];

/** The violations axe finds on the window as it is now, one line each. */
async function violations(page) {
  if (!(await page.b.execute(() => typeof window.axe === 'object'))) await page.b.execute(AXE);
  const found = await page.b.executeAsync((tags, done) => {
    window.axe
      .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))))
      .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
  }, RULES);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(' | ')}`);
}

// Words of the window's own Spanish that never belong to a record, and the shapes of what no
// person should read: a message key left untranslated, a field key, JSON.
const SPANISH = /\b(Guardar|Buscar|Desde|Hasta|Cancelar|Todos|Ninguna|Generar informe|delimitador|Se leerá|Se guardará)\b/;
const RAW = /\b(nav|form|filter|data|sync|detail|reports|dashboard|action|common|date|drop)\.[a-z][A-Za-z.]+\b|\b[a-z]+_[a-z_]+\b|[{[]"[a-z_]+"/;

/** Text on the window that is in the wrong language or is raw code. */
async function wrongWords(page, lang) {
  const text = await page.bodyText();
  const found = [];
  const raw = RAW.exec(text);
  if (raw) found.push(`raw code «${raw[0]}»`);
  const spanish = lang === 'en' && SPANISH.exec(text);
  if (spanish) found.push(`Spanish in the English window «${spanish[0]}»`);
  return found;
}

/** What has focus: "H1 Actividades", "SELECT #kind". */
async function focused(page) {
  return page.b.execute(() => {
    const a = document.activeElement;
    return a ? `${a.tagName}${a.id ? ` #${a.id}` : ''} ${a.tagName === 'H1' ? a.textContent.trim() : ''}`.trim() : 'none';
  });
}

async function focusLandsOnHeading(page, where) {
  await page.b.waitUntil(async () => (await focused(page)).startsWith('H1'), { timeout: 5000, timeoutMsg: `${where}: focus is on ${await focused(page)}, not the heading` });
}

/** Visits every screen and returns what axe finds on each. */
async function walk(page, lang) {
  const problems = [];
  const check = async (where) => {
    for (const v of [...(await violations(page)), ...(await wrongWords(page, lang))]) problems.push(`[${lang}] ${where}: ${v}`);
  };
  for (const section of SECTIONS) {
    await page.nav(section);
    await focusLandsOnHeading(page, section);
    await check(section);
  }
  await page.nav('activities');
  await page.click('tbody tr[data-activity] button.title');
  await page.el('header h1');
  await focusLandsOnHeading(page, 'activity');
  await check('activity');
  await page.keys('Control', 'n');
  await page.el('#kind');
  await page.b.waitUntil(async () => (await focused(page)) === 'SELECT #kind', { timeout: 5000, timeoutMsg: 'the new form does not focus its first field' });
  await check('form');
  await page.keys('Escape');
  await focusLandsOnHeading(page, 'after leaving the form');
  return problems;
}

/** Resizes the app's window as a window manager would (every visible window of that name: a
 *  previous spec's may not be gone yet), and waits until the page has the new width. */
async function resize(page, width, height) {
  execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Enlace$', 'windowsize', '%@', String(width), String(height)]);
  await page.b.waitUntil(async () => (await page.b.execute(() => window.outerWidth)) === width, {
    timeout: 5000, timeoutMsg: `the window is not ${width} pixels wide`,
  });
}

/** Elements wider than the window (the page scrolls sideways because of them), widest first. */
async function overflowing(page) {
  return page.b.execute(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .map((e) => ({ e, right: e.getBoundingClientRect().right }))
      .filter(({ right }) => right > width + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 3)
      .map(({ e, right }) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} ends at ${Math.round(right)} px of ${width}`);
  });
}

export default {
  name: 'every screen passes axe in both languages, and focus follows navigation',
  steps: [
    ['first start with the sample', async (page) => firstStart(page, { sample: true })],
    ['Spanish: no axe violation on any screen', async (page) => {
      const problems = await walk(page, 'es');
      assert.equal(problems.length, 0, `\n${problems.join('\n')}`);
    }],
    ['English: no axe violation on any screen', async (page) => {
      await page.choose('#lang', 'en');
      await page.see('Activities');
      const problems = await walk(page, 'en');
      await page.choose('#lang', 'es-MX');
      assert.equal(problems.length, 0, `\n${problems.join('\n')}`);
    }],
    ['1024 × 768 at 200 % zoom: every screen fits the window, every section reachable', async (page) => {
      await resize(page, 1024, 768);
      for (let step = 0; step < 5; step++) await page.keys('Control', '=');
      const viewport = () => page.b.execute(() => `${window.innerWidth}×${window.innerHeight}`);
      await page.b.waitUntil(async () => (await viewport()) === '512×384', { timeout: 5000, timeoutMsg: `the zoomed window lays out ${await viewport()} CSS pixels, not 512×384` });
      const problems = [];
      // From the screen the walk above left open (Actividades) to each other one, and back.
      for (const section of [...SECTIONS.slice(1), SECTIONS[0]]) {
        // WebKitWebDriver's clicks miss under page zoom (it does not scale its coordinates):
        // the sections are reached as a keyboard user reaches them, focus and Enter.
        await page.b.execute((s) => document.querySelector(`button[data-nav="${s}"]`).focus(), section);
        await page.keys('Enter');
        await focusLandsOnHeading(page, section);
        for (const o of await overflowing(page)) problems.push(`${section}: ${o}`);
      }
      await page.shot('es-95-narrow-activities');
      await page.keys('Control', 'n');
      await page.el('#kind');
      for (const o of await overflowing(page)) problems.push(`form: ${o}`);
      await page.shot('es-96-narrow-form');
      await page.keys('Escape');
      for (let step = 0; step < 5; step++) await page.keys('Control', '-');
      await resize(page, 1280, 800);
      assert.equal(problems.length, 0, `\n${problems.join('\n')}`);
    }],
  ],
};
