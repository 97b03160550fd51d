import { describe, expect, it } from 'vitest';
import { escapeHtml, html, htmlPage } from '../../../src/exports/html-page.ts';

describe('escapeHtml and html', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
  });

  it('escapes every interpolated value, lists included, but not markup built with html``', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<td>${name}</td>${[html`<b>${name}</b>`, '<i>']}`.html;
    expect(out).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><b>&lt;script&gt;alert(1)&lt;/script&gt;</b>&lt;i&gt;');
  });

  it('a page escapes its title and carries a print stylesheet', () => {
    const page = htmlPage('Run sheet <Bus & Co>', html`<p>${'x'}</p>`);
    expect(page).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(page).toContain('<title>Run sheet &lt;Bus &amp; Co&gt;</title>');
    expect(page).toContain('@media print');
  });

  it('an object that merely looks like markup is escaped as text', () => {
    expect(html`${{ html: '<b>', extra: 1 }}`.html).toBe('[object Object]');
  });
});
