// The centre's address as the printed pages and feeds show it, after the centre's name.
// Address lines often begin with the building's name ("Jean Bishop Integrated Care Centre",
// then the street), which every page prints beside the name already: those leading lines are
// dropped (only leading ones: "Hull" after the street stays even for "Hull ICC").
import type { Centre } from './centre.ts';

/** Letters and digits only, lower case: "Jean Bishop ICC (demo)" and "jean bishop icc" compare alike. */
const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Street address and postcode, one line, without address lines the centre's name already says. */
export function centreAddress(centre: Pick<Centre, 'name' | 'addressLines' | 'postcode'>): string {
  const name = ` ${plain(centre.name)} `;
  const repeatsName = (line: string) => plain(line) === '' || name.includes(` ${plain(line)} `);
  const firstOwn = centre.addressLines.findIndex((line) => !repeatsName(line));
  const lines = firstOwn === -1 ? [] : centre.addressLines.slice(firstOwn);
  return [...lines, centre.postcode ?? ''].filter((s) => s !== '').join(', ');
}
