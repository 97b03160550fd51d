// A feed's ETag must change when what subscribers see changes, and only then: DTSTAMP
// (the time of rendering) is left out, so re-rendering an unchanged feed gives a 304.
import { createHash } from 'node:crypto';

/** Strong ETag (quoted) of an .ics body, ignoring its DTSTAMP lines. */
export function feedEtag(icsBody: string): string {
  const withoutStamps = icsBody.split(/\r?\n/).filter((line) => !line.startsWith('DTSTAMP:')).join('\r\n');
  return `"${createHash('sha256').update(withoutStamps).digest('hex').slice(0, 32)}"`;
}
