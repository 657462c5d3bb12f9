// Every screen, in Spanish and in English, read for raw codes and keys (and, in English, for
// the window's Spanish) and checked by axe-core in the real window against WCAG
// 2.1 A/AA and axe's best practices; after every navigation focus is on the new screen's
// heading (or the first field of a form), never on the page body or the sidebar. The app's
// CSP refuses injected scripts, so axe's source is sent as the body of an execute-script.
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
  ],
};
