// Runs every test in Debian's headless Chromium, against a reference gateway
// that this config starts on 127.0.0.1 (a free port, another origin than the
// test pages) and stops when the run ends.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { createGateway } from './demo/gateway/server.mjs';
import { itiStylesDevServer } from './build/iti-styles.mjs';
import { passedFailedReporter } from './test/support/passed-failed-reporter.mjs';

const chromium = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (path) => path && existsSync(path),
);
if (!chromium) {
  console.error(
    'No Chromium found. Install Debian\'s package (apt-get update && apt-get install -y chromium) ' +
      'or point CHROME_PATH at a Chrome/Chromium binary. This project never downloads a browser.',
  );
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
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
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
