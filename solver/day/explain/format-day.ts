/** "2026-12-01" → "1 Dec", for sentences; any other string is returned as given. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDay(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month}` : isoDate;
}

/** Role nouns for sentences: "No physiotherapist is on shift". */
const ROLE_BY_DISCIPLINE: Record<string, [singular: string, plural: string]> = {
  anp: ['advanced nurse practitioner', 'advanced nurse practitioners'],
  ot: ['OT', 'OTs'],
  physio: ['physiotherapist', 'physiotherapists'],
  pharmacy: ['pharmacist', 'pharmacists'],
  geriatrician: ['geriatrician', 'geriatricians'],
  'social-care': ['social worker', 'social workers'],
  voluntary: ['voluntary partner', 'voluntary partners'],
  phlebotomy: ['phlebotomist', 'phlebotomists'],
  radiography: ['radiographer', 'radiographers'],
};

export function roleName(discipline: string, plural = false): string {
  const known = ROLE_BY_DISCIPLINE[discipline];
  if (known) return plural ? known[1] : known[0];
  const label = discipline.replace(/-/g, ' ');
  return plural ? `${label} staff` : `${label} staff member`;
}
