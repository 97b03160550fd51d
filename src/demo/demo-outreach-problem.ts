// A demo care-home outreach day as a solver problem: `residents` residents spread over
// `homes` Hull care homes, the demo catalogue and precedence rules, and an outreach team
// sized to the round. Used by tests and the `outreach` benchmark; deterministic for a seed.
import type { OutreachProblem, OutreachStaffMember } from '../../solver/index.ts';
import { demoAssessmentTypes, demoPrecedences } from './demo-catalogue.ts';
import { demoRandom } from './demo-random.ts';
import { careHomes, hullDistricts, iccSite, staffGivenNames, familyNames } from './hull-places.ts';

export interface DemoOutreachOptions {
  seed: number;
  date: string;
  residents: number;
  /** 1–4 (the demo's four care homes). */
  homes: number;
  mdtMode?: 'return' | 'remote';
}

/** Types an outreach team takes to homes: no X-ray; group sessions in a home's lounge. */
const OUTREACH_TYPES = ['anp-initial', 'bloods', 'medication-review', 'ot-assessment', 'physio-assessment', 'falls-group', 'social-care', 'geriatrician-review'];

/**
 * Residents per outreach team (one ANP and one geriatrician each). Each resident's day is a
 * chain (ANP first, then bloods, medicines and therapy, the geriatrician last, bloods back at
 * the lab an hour before): with five per ANP the last ANP assessment ends too late for the
 * review to finish before the MDT.
 */
export const RESIDENTS_PER_TEAM = 4;

export function demoOutreachProblem(options: DemoOutreachOptions): OutreachProblem {
  const { seed, residents, homes: homeCount } = options;
  if (homeCount < 1 || homeCount > careHomes.length) throw new Error(`homes must be 1–${careHomes.length}, got ${homeCount}`);
  const homes = careHomes.slice(0, homeCount).map((home, i) => {
    const rnd = demoRandom(seed, `outreach-home:${i}`);
    const district = hullDistricts.find((d) => d.outward === home.outward)!;
    return {
      id: `home-${i + 1}`,
      name: home.name,
      address: `${rnd.between(2, 180)} ${home.street}, Hull`,
      postcode: `${home.outward} ${rnd.between(1, 9)}${rnd.pick(['AB', 'DE', 'FG', 'HJ'])}`,
      lat: district.lat + rnd.real(-0.006, 0.006),
      lon: district.lon + rnd.real(-0.008, 0.008),
      visitingHours: { startMin: rnd.pick([9 * 60, 9 * 60 + 30]), endMin: 17 * 60 },
      sharedRooms: [{ id: `home-${i + 1}:lounge`, name: 'Lounge', capacity: 1 }, ...(rnd.chance(0.5) ? [{ id: `home-${i + 1}:quiet`, name: 'Quiet room', capacity: 1 }] : [])],
    };
  });
  const teams = Math.max(1, Math.ceil(residents / RESIDENTS_PER_TEAM));
  const staff: OutreachStaffMember[] = [];
  const person = (role: string, i: number, discipline: string, qualifications: string[], mdtMember = true): void => {
    const rnd = demoRandom(seed, `outreach-staff:${role}:${i}`);
    staff.push({
      id: `${role}-${i + 1}`,
      name: `${rnd.pick(staffGivenNames)} ${rnd.pick(familyNames)} (${role.toUpperCase()})`,
      discipline,
      qualifications,
      shift: { startMin: 8 * 60 + 30, endMin: 17 * 60 + 30 },
      breaks: [{ startMin: 12 * 60 + 30, endMin: 13 * 60 }],
      mdtMember,
    });
  };
  for (let t = 0; t < teams; t++) {
    person('anp', t, 'anp', ['anp-initial', 'phlebotomy']);
    person('geri', t, 'geriatrician', ['geriatrician-review']);
  }
  for (let t = 0; t < Math.ceil(teams / 2); t++) {
    person('pharm', t, 'pharmacy', ['medication-review']);
    person('ot', t, 'ot', ['ot-assessment']);
    person('physio', t, 'physio', ['physio-assessment', 'falls-group']);
  }
  person('sw', 0, 'social-care', ['social-care-assessment']);

  const residentList = Array.from({ length: residents }, (_, i) => {
    const rnd = demoRandom(seed, `outreach-resident:${i}`);
    const required = ['anp-initial', 'medication-review', 'geriatrician-review'];
    if (rnd.chance(0.5)) required.push('bloods');
    if (rnd.chance(0.35)) required.push('ot-assessment');
    if (rnd.chance(0.25)) required.push('physio-assessment');
    else if (rnd.chance(0.2)) required.push('falls-group');
    if (rnd.chance(0.2)) required.push('social-care');
    return {
      id: `resident-${i + 1}`,
      ref: `CH-${String(i + 1).padStart(4, '0')}`,
      initials: `${String.fromCharCode(65 + rnd.int(26))}${String.fromCharCode(65 + rnd.int(26))}`,
      homeId: homes[i % homeCount]!.id,
      priority: 1 + rnd.between(0, 3) + (rnd.chance(0.1) ? 3 : 0),
      required: required.map((typeId) => ({ typeId })),
    };
  });

  return {
    date: options.date,
    centre: {
      id: 'centre',
      name: 'Jean Bishop ICC',
      lat: iccSite.lat,
      lon: iccSite.lon,
      mdt: { startMin: 16 * 60, durationMin: 60 },
      mdtMode: options.mdtMode ?? 'return',
      maxHomes: homeCount,
      transferMin: 5,
    },
    assessmentTypes: demoAssessmentTypes
      .filter((t) => OUTREACH_TYPES.includes(t.code))
      .map((t) => ({ id: t.code, name: t.name, discipline: t.discipline, kind: t.kind, durationMin: t.durationMin, roomType: t.roomType, qualification: t.qualification, groupCapacity: t.groupCapacity })),
    precedences: demoPrecedences.map((p, i) => ({ id: `precedence-${i + 1}`, ...p })),
    staff,
    homes,
    residents: residentList,
  };
}
