import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The slow tier: tests that build a site with Astro or open Chromium, and those that spend their
 * time in other processes, real timeouts or large corpora. Everything else is the unit tier
 * (`npm run test:unit`), for quick answers while working. A test file that builds or opens a
 * browser must be listed here: `buildSite` and `launchChromium` refuse to run in the unit tier.
 */
const SLOW_TIER = [
  'tests/adoption.test.ts',
  'tests/audience/canary.test.ts',
  'tests/browser/**/*.test.ts',
  'tests/feeds/built-site.test.ts',
  'tests/i18n/every-language.test.ts',
  'tests/i18n/spanish-incident.test.ts',
  'tests/notify/deployed-build.test.ts',
  'tests/site/astro-check.test.ts',
  'tests/site/component-page-limit.test.ts',
  'tests/site/prebuilt.test.ts',
  'tests/site/site.test.ts',
  // Real `candor` processes: killed, frozen, racing for a lock, or reading devices and pipes.
  'tests/notify/cli.test.ts',
  'tests/validation/safe-reading.test.ts',
  // Real timeouts against a real receiver, and an SMTP server with retries.
  'tests/notify/deliver.test.ts',
  'src/notify/channels/email/email.test.ts',
  // About 3,000 texts through the renderer and the pipeline it replaced.
  'tests/site/markdown-differential.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // vitest's own default for a run leaves one core idle (one worker on a 2-core machine); every
    // core is wanted here, and the slowest tests wait on other processes (builds, Chromium, npm).
    maxWorkers: availableParallelism(),
    // Test files share their worker's modules instead of loading them afresh each: no test changes
    // global state (no module mocks, fake timers or process.env writes), and importing src/ again
    // for every file was most of the unit tier's time.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: SLOW_TIER,
          provide: { tier: 'unit' },
        },
      },
      {
        extends: true,
        // One build per repository content and options for the whole run, shared by every file of this tier.
        test: {
          name: 'slow',
          include: SLOW_TIER,
          globalSetup: ['tests/support/global-setup.ts'],
          provide: { tier: 'slow' },
        },
      },
    ],
  },
});
