// Printable pages: every value goes through escapeHtml (the lists carry text typed by people),
// and one stylesheet makes them read well on screen and print cleanly on A4.

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
  body { font: 11pt/1.35 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #111; margin: 1.5rem; }
  h1 { font-size: 16pt; margin: 0 0 .25rem; } h2 { font-size: 13pt; margin: 1.25rem 0 .4rem; }
  .meta { color: #444; margin: 0 0 .75rem; }
  table { border-collapse: collapse; width: 100%; margin-bottom: .75rem; }
  th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
  th { background: #eee; } td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
  .note { color: #444; font-size: 9.5pt; }
  section { break-inside: avoid-page; }
  @media print {
    @page { size: A4; margin: 12mm; }
    body { margin: 0; font-size: 10pt; }
    section + section { break-before: page; }
    th { background: none; }
    a { color: inherit; text-decoration: none; }
  }
`;

/** A whole printable page. */
export function htmlPage(title: string, body: Html): string {
  return `<!doctype html>\n${html`<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${{ html: STYLE }}</style></head><body>${body}</body></html>`.html}\n`;
}
