// One colour per discipline (light fills so dark text keeps a 4.5:1 contrast), with readable names.
const known: Record<string, { colour: string; name: string }> = {
  anp: { colour: '#cfe3ff', name: 'Advanced nurse practitioner' },
  geriatrician: { colour: '#e6d4ff', name: 'Geriatrician' },
  ot: { colour: '#c9f2e1', name: 'Occupational therapy' },
  physio: { colour: '#d7f5c4', name: 'Physiotherapy' },
  pharmacy: { colour: '#ffe0c2', name: 'Pharmacy' },
  'social-care': { colour: '#ffd6e4', name: 'Social care' },
  voluntary: { colour: '#f4efc0', name: 'Voluntary sector' },
  phlebotomy: { colour: '#ffd0cc', name: 'Phlebotomy' },
  radiography: { colour: '#d5e8ee', name: 'Radiography' },
  meal: { colour: '#ececec', name: 'Meal' },
};

const spare = ['#e0ecd0', '#f0dcc8', '#d8dcf4', '#f2d8f0', '#d0ece8'];

export function disciplineColour(discipline: string): string {
  const entry = known[discipline];
  if (entry) return entry.colour;
  let hash = 0;
  for (const ch of discipline) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return spare[hash % spare.length]!;
}

export function disciplineName(discipline: string): string {
  return known[discipline]?.name ?? discipline.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
