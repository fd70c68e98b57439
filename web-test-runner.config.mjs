// Runs every test in Debian's headless Chromium, against a reference gateway
// that this config starts on 127.0.0.1 (a free port, another origin than the
// test pages) and stops when the run ends.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { createGateway } from './demo/gateway/server.mjs';
import { itiStylesDevServer } from './build/iti-styles.mjs';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './build/chromium.mjs';
import { passedFailedReporter } from './test/support/passed-failed-reporter.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(`No Chromium found. ${CHROMIUM_INSTALL_HINT}`);
  process.exit(1);
}

/** Starts the reference gateway with the test server and tells the pages where it is (GET /__test-env). */
function referenceGatewayPlugin() {
  let gateway;
  let gatewayUrl;
  return {
    name: 'reference-gateway',
    async serverStart({ config }) {
      gateway = createGateway({
        allowedOrigins: [`http://${config.hostname}:${config.port}`],
        log: () => {},
      });
      gatewayUrl = await gateway.listen(0);
    },
    async serverStop() {
      await gateway?.close();
    },
    serve(context) {
      if (context.path === '/__test-env') return { body: JSON.stringify({ gatewayUrl }), type: 'json' };
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  hostname: 'localhost',
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        // DUMPIO=1 npm test shows Chromium's own output, for when a page hangs or crashes.
        dumpio: !!process.env.DUMPIO,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  plugins: [
    itiStylesDevServer(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    referenceGatewayPlugin(),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), passedFailedReporter()],
};
