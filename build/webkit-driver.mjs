// Starts what WebKit tests need and WebKitGTK does not do by itself: an X
// server (MiniBrowser has no headless mode) and WebKitWebDriver on a free
// loopback port. Both are children of this process and end with stop() or
// when it exits.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './free-port.mjs';


/** Xvfb on a display number it picks itself (-displayfd), so parallel runs never collide. */
function startXvfb(xvfb) {
  const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve({ child, display: `:${text.trim()}` });
    });
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
    setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000).unref();
  });
}

async function waitForPort(port, child, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on ${port} within ${timeoutMs} ms`);
}

/** @param {{ driver: string, xvfb: string }} webkit as found by findWebKit() */
export async function startWebKitDriver(webkit) {
  const xvfb = await startXvfb(webkit.xvfb);
  const port = await freePort();
  const driver = spawn(webkit.driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: process.env.DUMPIO ? 'inherit' : 'ignore',
    // An English (US) browser, as Chromium and Firefox are by default.
    env: { ...process.env, DISPLAY: xvfb.display, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
  });
  const stop = () => {
    driver.kill('SIGTERM');
    xvfb.child.kill('SIGTERM');
  };
  process.once('exit', stop);
  try {
    await waitForPort(port, driver);
  } catch (error) {
    stop();
    throw error;
  }
  return { port, display: xvfb.display, stop };
}
