// 4. requests to the gateway per user step of the e-mail flow (unthrottled);
// also returns the dist/ scripts the page fetched before Enter (cross-check of 1b).
import { performance } from 'node:perf_hooks';
import { fmtMs, section, sleep, table } from './helpers.mjs';

export async function measureFlow(browser, origin, gatewayOrigin) {
  section('4. Requests to the gateway per user step (e-mail flow, unthrottled)');
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    const t0 = performance.now();
    const log = []; // { step, method, call, start, end, preflight }
    let step = 'a';
    const byRequest = new Map();
    const distFetched = []; // dist/ files the page requests, with when: for the cross-check of 1b
    page.on('request', (request) => {
      if (request.url().startsWith(`${origin}/dist/`)) {
        distFetched.push({ file: new URL(request.url()).pathname.slice('/dist/'.length), at: performance.now() - t0 });
      }
      if (!request.url().startsWith(gatewayOrigin + '/')) return;
      const entry = {
        step,
        method: request.method(),
        call: new URL(request.url()).pathname.split('/').pop(),
        preflight: request.method() === 'OPTIONS',
        start: performance.now() - t0,
        end: NaN,
      };
      byRequest.set(request, entry);
      log.push(entry);
    });
    const finished = (request) => {
      const entry = byRequest.get(request);
      if (entry) entry.end = performance.now() - t0;
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
    page.on('pageerror', (error) => console.log(`  page error: ${error.message.split('\n')[0]}`));

    const shadow = (selector, check, what) =>
      page
        .waitForFunction(
        (sel, what) => {
          const el = document.querySelector('customer-register')?.shadowRoot?.querySelector(sel);
          if (!el) return false;
          if (what === 'enabled') return !el.disabled;
          if (what === 'options') return !el.disabled && el.options.length > 1;
          return true;
        },
          { timeout: 15_000, polling: 'raf' },
          selector,
          check,
        )
        .catch((error) => {
          throw new Error(`waiting for ${what}: ${error.message}`);
        });
    /** Polls the request log (node side) until `test` holds. */
    const until = async (test, what, ms = 15_000) => {
      const deadline = performance.now() + ms;
      while (!test()) {
        if (performance.now() > deadline) throw new Error(`waiting for ${what}: timed out after ${ms} ms`);
        await sleep(20);
      }
    };
    // Let late requests of a step land in that step before moving on.
    const settle = () => sleep(300);

    // (a) first render until the form is interactive and the country list is in.
    await page.goto(`${origin}/pages/ours.html`, { waitUntil: 'load', timeout: 30_000 });
    await shadow('#email', 'enabled', 'the e-mail field');
    await until(
      () => log.some((e) => !e.preflight && /countrylist/i.test(e.call) && e.end >= 0),
      'the country list call to finish',
    );
    const hasSelect = await page.evaluate(() => !!document.querySelector('customer-register')?.shadowRoot?.querySelector('select#country'));
    if (hasSelect) await shadow('#country', 'options', 'the country list in #country');
    await settle();

    // (b) type an e-mail, press Enter, until the code field appears.
    step = 'b';
    const email = `bench-${Date.now()}@example.com`;
    await page.evaluate(() => {
      window.__registered = undefined;
      document.addEventListener('registered', (event) => (window.__registered = event.detail ?? true));
    });
    await page.focus('customer-register');
    const focused = await page.evaluate(() => document.querySelector('customer-register')?.shadowRoot?.activeElement?.id ?? '');
    if (focused !== 'email') {
      // delegatesFocus lands on the first focusable element in the shadow root.
      console.log(`  note: focusing the element put focus on #${focused || '(nothing)'}, not #email; focusing #email itself`);
      await page.evaluate(() => document.querySelector('customer-register').shadowRoot.querySelector('#email').focus());
    }
    await page.keyboard.type(email);
    // A person pauses before the click; the element checks the status during that pause.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const pressedAt = performance.now() - t0;
    await page.keyboard.press('Enter');
    await shadow('#code', 'present', 'the code field (#code)');
    const codeShownAt = performance.now() - t0;
    await settle();

    // (c) type the code from the gateway's dev inbox until `registered` fires.
    step = 'c';
    const inbox = await fetch(`${gatewayOrigin}/__dev/inbox?companyId=bench`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.json(),
    );
    const mail = inbox.find((m) => m.to === email);
    if (!mail) throw new Error(`no code for ${email} in the gateway's dev inbox`);
    await page.keyboard.type(String(mail.code));
    await page.waitForFunction(() => window.__registered !== undefined, { timeout: 15_000, polling: 50 }).catch((error) => {
      throw new Error(`waiting for the registered event: ${error.message}`);
    });
    const detail = await page.evaluate(() => window.__registered);
    await settle();

    const steps = {
      a: '(a) first render -> form interactive + country list loaded',
      b: '(b) type e-mail, pause 600 ms, Enter -> code field shown',
      c: '(c) type code -> `registered` fired',
    };
    const rows = [['step', 'requests', 'preflights', 'calls (in order)']];
    for (const [key, label] of Object.entries(steps)) {
      const calls = log.filter((e) => e.step === key && !e.preflight);
      const preflights = log.filter((e) => e.step === key && e.preflight);
      rows.push([
        label,
        String(calls.length),
        String(preflights.length),
        calls.map((e) => `${e.method} ${e.call}`).join(', ') || '-',
      ]);
    }
    table(rows, ['l', 'r', 'r', 'l']);
    const preflightCalls = log.filter((e) => e.preflight).map((e) => `${e.step}:${e.call}`);
    console.log(`  Preflights (OPTIONS), by step: ${preflightCalls.join(', ') || 'none'}`);
    console.log(`  registered: customerNo ${detail?.customerNo ?? '?'} for ${email}`);

    // Does the click in (b) wait on two round trips in series? Only calls sent after
    // the click count: a status check made while the person paused is not waited on.
    const typedCalls = log.filter((e) => e.step === 'b' && !e.preflight && e.start < pressedAt);
    if (typedCalls.length) console.log(`  made while typing (before the click): ${typedCalls.map((e) => e.call).join(', ')}`);
    const bCalls = log.filter((e) => e.step === 'b' && !e.preflight && !typedCalls.includes(e));
    const serial = bCalls.slice(1).map((e, i) => ({ before: bCalls[i], after: e, gap: e.start - bCalls[i].end }));
    const inSeries = serial.filter((s) => s.gap >= 0);
    console.log(
      `  Step (b): Enter at ${fmtMs(pressedAt)} ms; code field shown at ${fmtMs(codeShownAt)} ms (+${fmtMs(codeShownAt - pressedAt)} ms).`,
    );
    for (const e of log.filter((x) => x.step === 'b')) {
      console.log(`    ${e.method.padEnd(7)} ${e.call.padEnd(16)} sent +${fmtMs(e.start - pressedAt)} ms, done +${fmtMs(e.end - pressedAt)} ms`);
    }
    if (bCalls.length >= 2 && inSeries.length === serial.length) {
      console.log(
        `  -> yes: the click waits on ${bCalls.length} gateway round trips in series ` +
          `(${bCalls.map((e) => e.call).join(' then ')}; each next call is sent only after the previous answer).`,
      );
    } else if (bCalls.length >= 2) {
      console.log(`  -> no: of ${bCalls.length} calls, ${serial.length - inSeries.length} overlap the previous one.`);
    } else {
      console.log(`  -> no: the click waits on ${bCalls.length} gateway round trip(s).`);
    }
    // The dist/ scripts fetched before Enter was pressed (bench.mjs compares them with 1b).
    return { distBeforeSend: [...new Set(distFetched.filter((e) => e.at < pressedAt && e.file.endsWith('.js')).map((e) => e.file))] };
  } finally {
    await context.close().catch(() => {});
  }
}
