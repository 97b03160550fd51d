// The outreach settings a centre has until it sets its own (documented in the README). A module
// of its own, free of zod, so the coordinator's screen can import the value without bundling the
// schemas: it offers the staff of these disciplines for an outreach team when the centre's
// `outreach` is null.

export const defaultOutreachSettings = {
  disciplines: ['anp', 'phlebotomy', 'pharmacy', 'ot', 'physio', 'social-care', 'geriatrician'],
  homesPerTeamPerDay: 2,
  mdtMode: 'return' as const,
  nearbyKm: 3,
};
