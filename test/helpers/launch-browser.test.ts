import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';

describe('launchBrowser', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });
  it('renders a page and reads its text', async () => {
    const page = await browser.newPage();
    await page.setContent('<main><h1>ICC</h1></main>');
    expect(await page.textContent('h1')).toBe('ICC');
  });
});
