// What the browser tests run against: the real server jar on a free port, Debian's Chromium, and a
// page instrumented to record its WebSockets. Nothing here downloads anything.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '..', '..');

/** The three screens every view is tried at. */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const SMALL_PHONE = { width: 360, height: 800 };

// The build writes its screenshots under target/; `npm run screenshots` refreshes the ones in docs/.
const SCREENSHOTS = process.env.QUORUM_SCREENSHOTS ?? join(REPO, 'quorum-web', 'target', 'screenshots');

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium, or why the tests cannot run. Under CI a missing browser is a failure (a green
 * build must not hide untested UI); on a developer's machine the tests are skipped, loudly.
 */
export function findChromium(env = process.env) {
  const path = [env.QUORUM_CHROMIUM, ...CHROMIUM_CANDIDATES].find((candidate) => candidate && existsSync(candidate));
  if (path) return { path };
  const reason = 'no Chromium at /usr/bin/chromium (install Debian\'s package: apt-get install chromium)';
  return { missing: reason, mustFail: env.CI === 'true' };
}

/** The JDK Maven runs with (it passes JAVA_HOME), else `java` on the PATH. */
export function javaCommand(env = process.env) {
  if (env.QUORUM_JAVA) return env.QUORUM_JAVA;
  if (env.JAVA_HOME && existsSync(join(env.JAVA_HOME, 'bin', 'java'))) return join(env.JAVA_HOME, 'bin', 'java');
  return 'java';
}

export function serverJar(env = process.env) {
  const jar = resolve(env.QUORUM_JAR ?? join(REPO, 'quorum-server', 'target', 'quorum.jar'));
  if (!existsSync(jar)) throw new Error(`${jar} is missing: build it first (./mvnw -B -q -pl quorum-server -am package -DskipTests)`);
  return jar;
}

/**
 * Starts `quorum serve` on a free port with a fresh data folder (`dataDir`, where a test may put
 * files the server reads) and an explicit token, and waits until /health answers UP; `args` are more
 * of its options (`--config FILE`). `stop()` ends the process and removes the folder.
 */
export async function startServer({ jar = serverJar(), java = javaCommand(), speed = 300, args = [], timeoutMs = 120_000 } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'quorum-e2e-'));
  const token = randomBytes(32).toString('base64url');
  const child = spawn(java, ['-jar', jar, 'serve', '--port', '0', '--speed', String(speed), ...args], {
    env: { ...process.env, QUORUM_DATA_DIR: dataDir, QUORUM_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let stopping = false;
  const exited = new Promise((done) =>
    child.once('exit', (code, signal) => {
      if (!stopping) console.error(`\nThe server exited by itself (code ${code}, signal ${signal}). Its output:\n${output}`);
      done({ code, signal });
    }),
  );

  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + timeoutMs;
    let origin = null;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        const tooOld = output.includes('UnsupportedClassVersionError') ? `\n${java} is older than the JDK the jar was built with: set JAVA_HOME (or QUORUM_JAVA) to a JDK 21 or later.` : '';
        throw new Error(`the server exited with ${child.exitCode}:\n${output}${tooOld}`);
      }
      origin ??= output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1] ?? null;
      if (origin && (await healthy(origin))) return { origin, token, dataDir, stop, output: () => output };
      await sleep(250);
    }
    throw new Error(`the server was not healthy within ${timeoutMs / 1000} s:\n${output}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function healthy(origin) {
  try {
    const response = await fetch(`${origin}/health`);
    return response.ok && (await response.json()).status === 'UP';
  } catch {
    return false;
  }
}

/** How often the oracle asks again when the server's rate limit says to slow down. */
const THROTTLED_ATTEMPTS = 5;

/**
 * Calls the REST API with the token, as the tests' oracle of what the server holds. A test's
 * set-up may send writes faster than the server's rate limit allows on a quick machine: a 429 is
 * waited out for its Retry-After (1 s when it names none), as any client of the API would.
 */
export function restClient(origin, token) {
  return async (method, path, body) => {
    let response;
    for (let attempt = 1; ; attempt++) {
      response = await fetch(origin + path, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status !== 429 || attempt === THROTTLED_ATTEMPTS) break;
      await response.text();
      const seconds = Number(response.headers.get('Retry-After')) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** `timezoneId` sets the browser's zone (the machine's by default), to show that the page does not follow it. */
export async function launchBrowser(chromiumPath, { timezoneId } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'quorum-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    timezoneId,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the page before its own scripts: every WebSocket the page opens is kept in
 * `window.__sockets`, and the journal seq of every agent message it receives (whatever its frame type) in `window.__agentSeqs`.
 */
export function recordSockets() {
  const Native = window.WebSocket;
  const sockets = [];
  const agentSeqs = [];
  // Defined here: the function runs in the page, where nothing of this module is in scope.
  const MESSAGE_FRAMES = new Set(['agent_message', 'reasoning', 'complete', 'proposal', 'decision', 'market_alert', 'trade_executed']);
  class RecordedWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      sockets.push(this);
      this.addEventListener('message', (event) => {
        try {
          const frame = JSON.parse(event.data);
          if (MESSAGE_FRAMES.has(frame.type)) agentSeqs.push(frame.seq);
        } catch {
          // Not a frame of ours.
        }
      });
    }
  }
  window.WebSocket = RecordedWebSocket;
  Object.assign(window, { __sockets: sockets, __agentSeqs: agentSeqs });
}

/** A page on another origin (another port of this machine), for the cross-origin check. */
export async function foreignOrigin(html) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const close = () =>
    new Promise((done) => {
      server.close(done);
      // A browser keeps its connection alive; waiting for it to let go would take a minute.
      server.closeAllConnections();
    });
  return { origin: `http://127.0.0.1:${server.address().port}`, close };
}

export function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/** Collects what a user never sees but a broken page leaves behind: console errors, uncaught errors, failed requests. */
export function recordProblems(tab) {
  const problems = [];
  tab.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A reload cancels the requests still in flight: the page's own doing, not a failure.
    if (reason !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()} ${reason}`);
  });
  tab.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`));
  return problems;
}

/** A new tab of `browser` at `size`, signed in by the server's link and showing the session `sessionId`, with the problems it records. */
export async function sessionTab(browser, server, size, sessionId) {
  const tab = await browser.context.newPage();
  const problems = recordProblems(tab);
  await tab.setViewportSize(size);
  await tab.goto(`${server.origin}/#token=${server.token}`);
  await tab.getByLabel('Session', { exact: true }).selectOption(sessionId);
  return { tab, problems };
}

export async function waitFor(probe, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * What a browser suite runs against: the server jar at `speed` (with more options in `args`) and Chromium (in `timezoneId`, when
 * given), with a REST client for the tests' oracle; `close()` ends both. Under CI a missing browser
 * fails the suite here.
 */
export async function openDesk(chromium, { speed = 300, timezoneId, args = [] } = {}) {
  if (chromium.missing) throw new Error(`CI=true and ${chromium.missing}`);
  const server = await startServer({ speed, args });
  try {
    const browser = await launchBrowser(chromium.path, { timezoneId });
    const close = async () => {
      await browser.close();
      await server.stop();
    };
    return { server, browser, rest: restClient(server.origin, server.token), close };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The `describe` options of a browser suite: skipped without Chromium, said loudly, except under CI. */
export function browserSuite(chromium) {
  if (chromium.missing && !chromium.mustFail) console.log(`\n*** Browser end-to-end tests SKIPPED: ${chromium.missing}. CI=true makes this a failure. ***\n`);
  return { skip: chromium.missing && !chromium.mustFail ? chromium.missing : false };
}
