// Printable pages: every value goes through escapeHtml (the lists carry text typed by people),
// and one stylesheet makes them read well on screen and print cleanly on A4.
import { format } from 'date-fns';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text or attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Already-escaped HTML, so a page can tell built markup from raw text. */
export interface Html {
  readonly html: string;
}

/** A tagged template that escapes every interpolated value unless it is `Html` (or a list of them). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const part = (v: unknown): string => (Array.isArray(v) ? v.map(part).join('') : isHtml(v) ? v.html : escapeHtml(v));
  return { html: strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), '') };
}

function isHtml(v: unknown): v is Html {
  return typeof v === 'object' && v !== null && 'html' in v && typeof (v as Html).html === 'string' && Object.keys(v).length === 1;
}

const STYLE = `
  * { box-sizing: border-box; }
  body { font: 11pt/1.35 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #111; margin: 1.5rem; overflow-wrap: anywhere; }
  h1 { font-size: 16pt; margin: 0 0 .25rem; } h2 { font-size: 13pt; margin: 1.25rem 0 .4rem; }
  .meta { color: #444; margin: 0 0 .75rem; }
  table { border-collapse: collapse; width: 100%; margin-bottom: .75rem; }
  th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
  th { background: #eee; } td.time, .time { white-space: nowrap; font-variant-numeric: tabular-nums; }
  .note { color: #444; font-size: 9.5pt; }
  .ref { color: #444; }
  .pax + .pax { margin-top: .45rem; padding-top: .35rem; border-top: 1px dotted #bbb; }
  .pax .detail { margin-left: 1.6rem; }
  .access { margin: .15rem 0 0 1.6rem; padding: .1rem .35rem; border-left: 3px solid #555; background: #f3f3f3; }
  label.tick { display: flex; gap: .4rem; align-items: flex-start; }
  label.tick input { width: 1.1rem; height: 1.1rem; margin: .1rem 0 0; flex: none; }
  section { break-inside: avoid-page; }
  /* A row's heading cell (the stop or visit and its time) heads its card on a phone. */
  table.stack th.when { font-weight: normal; background: none; width: 7.5rem; }
  table.stack .rowno { display: block; font-weight: 700; }
  table.stack th.when .time { display: block; }
  /* A phone: tables become one card per row, each cell labelled, so no column is cut off. */
  @media screen and (max-width: 640px) {
    body { margin: .6rem; }
    table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
    table.stack thead { display: none; }
    table.stack tr { border: 1px solid #999; margin-bottom: .6rem; }
    table.stack td { border: 0; border-top: 1px solid #ddd; }
    table.stack td:first-child { border-top: 0; }
    table.stack th.when { display: flex; flex-wrap: wrap; gap: .15rem .75rem; width: 100%; background: #eee; border: 0; border-bottom: 1px solid #999; }
    table.stack th.when .rowno, table.stack th.when .time { display: inline; }
    table.stack th.when + td { border-top: 0; }
  }
  @media print {
    @page { size: A4; margin: 12mm; }
    body { margin: 0; font-size: 10pt; }
    section + section { break-before: page; }
    th { background: none; }
    a { color: inherit; text-decoration: none; }
    tr { break-inside: avoid; }
  }
`;

/** "2026-10-22" → "Thursday 22 October 2026" (a calendar date, no zone involved). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), 'EEEE d MMMM yyyy');
}

/** A whole printable page; `extraStyle` adds a page's own rules (e.g. landscape, large print). */
export function htmlPage(title: string, body: Html, extraStyle = ''): string {
  return `<!doctype html>\n${html`<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${{ html: STYLE + extraStyle }}</style></head><body><main>${body}</main></body></html>`.html}\n`;
}
