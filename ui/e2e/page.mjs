// What a person does with the window, as WebDriver calls: click, type, choose, read, look.
import assert from 'node:assert/strict';
import path from 'node:path';

const TIMEOUT = 10000;

// Svelte replaces nodes when what they show changes; a handle found a moment before may then
// point at a node that is gone. A person would simply act on the new node: so does `retry`.
const STALE = /stale element|no such element|not interactable|detached/i;

async function retry(action, attempts = 4) {
  for (let i = 1; ; i++) {
    try {
      return await action();
    } catch (err) {
      if (i >= attempts || !STALE.test(String(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 150 * i));
    }
  }
}

export class Page {
  constructor(browser, screenshots) {
    this.browser = browser;
    this.screenshots = screenshots;
  }

  get b() {
    return this.browser();
  }

  async el(selector) {
    const el = await this.b.$(selector);
    await el.waitForDisplayed({ timeout: TIMEOUT });
    return el;
  }

  async click(selector) {
    await retry(() => this.clickOnce(selector));
  }

  async clickOnce(selector) {
    await this.press(await this.el(selector));
  }

  /** Clicks an element in view. A toast sliding over it intercepts the pointer; the person
   *  would click again once it moves, which the element's own focus and click do at once. */
  async press(el) {
    await el.scrollIntoView({ block: 'center' });
    try {
      await el.click();
    } catch (err) {
      if (!String(err).includes('intercepted')) throw err;
      await this.b.execute((e) => {
        e.focus();
        e.click();
      }, el);
    }
  }

  /** Clicks the button (or link-like button) whose text contains `text`. */
  async clickButton(text) {
    await this.click(`//button[contains(normalize-space(.), ${JSON.stringify(text)})]`);
  }

  async type(selector, text) {
    await retry(() => this.typeOnce(selector, text));
  }

  /** Pastes `text` into a field at once, as a person pastes: WebKitWebDriver's typing drops
   *  the line breaks of a textarea. */
  async paste(selector, text) {
    await this.b.execute((el, value) => {
      el.focus();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, await this.el(selector), text);
  }

  async typeOnce(selector, text) {
    const el = await this.el(selector);
    // Clear the way a person does (select all, delete), so the page hears an input event;
    // WebKitWebDriver's own clear is silent and refuses an empty text.
    await this.press(el);
    await this.b.keys(['Control', 'a']);
    await this.b.keys('Backspace');
    if (text) await el.addValue(text);
  }

  /** Types into a multi-value field and confirms with Enter, as a person adds a country. */
  async addToken(selector, text) {
    const el = await this.el(selector);
    await this.press(el);
    await el.addValue(text);
    await this.b.keys(['Enter']);
  }

  /** Picks an option of a <select>. WebKitGTK's native popup is not scriptable, so the value is
   *  set and the same change event a person's choice fires is sent. */
  async choose(selector, value) {
    await retry(() => this.chooseOnce(selector, value));
  }

  async chooseOnce(selector, value) {
    const el = await this.el(selector);
    await el.scrollIntoView({ block: 'center' });
    await this.b.execute(
      (e, v) => {
        e.focus();
        e.value = v;
        e.dispatchEvent(new Event('input', { bubbles: true }));
        e.dispatchEvent(new Event('change', { bubbles: true }));
      },
      el,
      value,
    );
    assert.equal(await el.getValue(), value, `${selector} has no option ${value}`);
  }

  async keys(...keys) {
    await this.b.keys(keys);
  }

  async text(selector) {
    return retry(async () => (await this.el(selector)).getText());
  }

  /** Waits until the window shows `text` somewhere. */
  /** The text a person can read in the window, read in one go in the page. */
  async bodyText() {
    return this.b.execute(() => document.body.innerText);
  }

  async see(text, timeout = TIMEOUT) {
    await this.b.waitUntil(async () => (await this.bodyText()).includes(text), {
      timeout,
      timeoutMsg: `the window never showed «${text}»`,
    });
  }

  async notSee(text, timeout = TIMEOUT) {
    await this.b.waitUntil(async () => !(await this.bodyText()).includes(text), {
      timeout,
      timeoutMsg: `the window still shows «${text}»`,
    });
  }

  /** Texts of the activity titles in the list, one per row. */
  async listTitles() {
    await this.b.waitUntil(async () => !(await retry(() => this.b.$('p.count').getText())).includes('…'), { timeout: TIMEOUT });
    // Read in one go in the page: rows re-render while a search or filter settles.
    return this.b.execute(() => [...document.querySelectorAll('tbody tr[data-activity] .title')].map((t) => t.innerText.trim()));
  }

  async nav(section) {
    await this.click(`button[data-nav="${section}"]`);
  }

  async shot(name) {
    await this.b.saveScreenshot(path.join(this.screenshots, `${name}.png`));
  }
}

export { assert };
