import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { requireSlowTier } from '../support/built-sites.ts';

const PROGRAM_FILES = [
  process.env.PROGRAMFILES,
  process.env['PROGRAMFILES(X86)'],
  process.env.LOCALAPPDATA,
].filter((d): d is string => Boolean(d));

/** Where Chromium or Chrome is installed by the system's package manager or installer, per platform. */
const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: PROGRAM_FILES.flatMap((dir) => [
    join(dir, 'Chromium', 'Application', 'chrome.exe'),
    join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ]),
};

/** The system Chromium: `CHROME_PATH`, else the usual install paths of this platform. Never a downloaded browser. */
export function chromiumPath(): string {
  const path =
    process.env.CHROME_PATH || (CANDIDATES[process.platform] ?? []).find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new Error(
      `Chromium was not found${process.env.CHROME_PATH ? ` at CHROME_PATH=${process.env.CHROME_PATH}` : ''}. Install it with \`apt-get install chromium\` or set CHROME_PATH.`,
    );
  }
  return path;
}

/** A headless Chromium (Playwright gives it a fresh temporary profile) that calls home to nothing. */
export function launchChromium(): Promise<Browser> {
  requireSlowTier('opens Chromium');
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
