// One way to open Debian's Chromium for browser tests: playwright-core drives /usr/bin/chromium
// (never a downloaded browser, which cannot be fetched here). Flags as this machine needs them:
// no sandbox as root, and no background networking (the closed network refuses it noisily).
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium; close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
