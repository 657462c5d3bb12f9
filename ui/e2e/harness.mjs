// Runs the e2e specs: for each spec a fresh data folder, a tauri-driver started with the
// spec's environment, one WebDriver session (the real app window), its steps in order.
// Prints "N passed, N failed" and exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { Page } from './page.mjs';

// A run that stops before its summary (the app, the driver or the display gone) never passes.
let finished = false;
process.on('exit', (code) => {
  if (!finished && code === 0) process.exitCode = 1;
});

const here = path.dirname(fileURLToPath(import.meta.url));
const application = process.env.ENLACE_E2E_APP;
const screenshots = process.env.ENLACE_E2E_SCREENSHOTS;
if (!application || !screenshots) throw new Error('run through ui/e2e/run.sh');
const only = process.argv[2];
// A free port unless one is given, so several copies of the suite can run at once.
const port = Number(process.env.ENLACE_E2E_PORT ?? (await freePortPair()));

// Listens on `wanted` (0: any port) for a moment; resolves to the port, or null if taken.
function probePort(wanted) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen(wanted, '127.0.0.1', () => {
      const { port: got } = server.address();
      server.close(() => resolve(got));
    });
  });
}

// tauri-driver listens on `port` and starts WebKitWebDriver on `port + 1`.
async function freePortPair() {
  for (;;) {
    const p = await probePort(0);
    if (p && p < 65535 && (await probePort(p + 1))) return p;
  }
}

function waitForPort(port, ms) {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.end(); resolve(); });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

async function startDriver(env) {
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(port, 20000);
  return driver;
}

async function stopDriver(driver) {
  if (driver.exitCode !== null) return;
  const exited = new Promise((resolve) => driver.once('exit', resolve));
  driver.kill('SIGTERM');
  await exited;
}

// `args`: the app's command line after its name, as a desktop launcher passes a file.
async function openSession(args = []) {
  return remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    connectionRetryCount: 1,
    // WebKitWebDriver speaks classic WebDriver only: no BiDi `webSocketUrl` capability.
    capabilities: { browserName: 'wry', 'tauri:options': { application, args }, 'wdio:enforceWebDriverClassic': true },
  });
}

const results = { passed: 0, failed: 0 };
const specFiles = readdirSync(path.join(here, 'specs')).filter((f) => f.endsWith('.spec.mjs') && (!only || f.includes(only))).sort();

for (const file of specFiles) {
  const spec = (await import(path.join(here, 'specs', file))).default;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'enlace-e2e-'));
  const env = { ENLACE_DATA_DIR: dataDir, ...(spec.env?.(dataDir) ?? {}) };
  console.log(`\n${file}: ${spec.name}`);
  let driver = await startDriver(env);
  let browser = await openSession();
  const page = new Page(() => browser, screenshots);
  // Closing the window and starting the app again on the same data folder, with `args` on
  // its command line (a file to open).
  page.restart = async ({ args = [] } = {}) => {
    await browser.deleteSession();
    await stopDriver(driver);
    driver = await startDriver(env);
    browser = await openSession(args);
  };
  let broken = false;
  for (const [name, step] of spec.steps) {
    if (broken) {
      console.log(`  - ${name} (skipped after a failure)`);
      results.failed++;
      continue;
    }
    const started = Date.now();
    try {
      await step(page);
      results.passed++;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      results.failed++;
      broken = true;
      console.log(`  ✗ ${name}\n    ${String(err?.stack ?? err).split('\n').slice(0, 4).join('\n    ')}`);
      await browser.saveScreenshot(path.join(screenshots, `FAILED-${file.replace('.spec.mjs', '')}.png`)).catch(() => {});
    }
  }
  await browser.deleteSession().catch(() => {});
  await stopDriver(driver);
  rmSync(dataDir, { recursive: true, force: true });
}

finished = true;
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
