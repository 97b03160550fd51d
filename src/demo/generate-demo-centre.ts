// A deterministic demo of a Hull-like integrated care centre (modelled on the Jean Bishop
// ICC): team, rooms, catalogue, vehicles, a two-week rota and ~60 referred patients with
// their pre-visit outcomes. Same options → byte-identical output (no clock, seeded streams).
import type { AssessmentTypeCreate } from '../domain/assessment-type.ts';
import type { CentreCreate } from '../domain/centre.ts';
import { nhsCheckDigit } from '../domain/nhs-number.ts';
import type { PatientCreate } from '../domain/patient.ts';
import type { PrecedenceRuleCreate } from '../domain/precedence-rule.ts';
import type { PreVisitCreate } from '../domain/pre-visit.ts';
import type { ReferralCreate } from '../domain/referral.ts';
import type { RoomCreate } from '../domain/room.ts';
import type { ShiftCreate } from '../domain/shift.ts';
import type { StaffMemberCreate } from '../domain/staff-member.ts';
import type { VehicleCreate } from '../domain/vehicle.ts';
import type { CareHomeCreate } from '../domain/care-home.ts';
import type { WithId } from '../solving/problem/build-day-problem.ts';
import { addDays, isoWeekday } from '../domain/local-date.ts';
import { demoAssessmentTypes, demoPrecedences } from './demo-catalogue.ts';
import { demoRandom, type DemoRandom } from './demo-random.ts';
import {
  careHomes, carerRelationships, dietaryOptions, familyNames, femaleGivenNames, gpPractices, hullDistricts,
  iccSite, inwardLetters, maleGivenNames, staffGivenNames, transportDepot,
} from './hull-places.ts';

export type { WithId };

export interface DemoCentre {
  seed: number;
  startDate: string;
  days: number;
  centre: WithId<CentreCreate>;
  staff: WithId<StaffMemberCreate>[];
  shifts: WithId<ShiftCreate>[];
  rooms: WithId<RoomCreate>[];
  assessmentTypes: WithId<AssessmentTypeCreate>[];
  precedenceRules: WithId<PrecedenceRuleCreate>[];
  patients: WithId<PatientCreate>[];
  referrals: WithId<ReferralCreate>[];
  /** One per referral. */
  preVisits: WithId<PreVisitCreate & { referralId: string }>[];
  vehicles: WithId<VehicleCreate>[];
  /** The Hull care homes the demo's care-home residents live in (care-home outreach). */
  careHomes: WithId<CareHomeCreate>[];
}

export interface DemoCentreOptions {
  seed: number;
  /** First day of the rota, "YYYY-MM-DD". */
  startDate: string;
  /** Calendar days of rota from startDate (weekdays get shifts). Default 14. */
  days?: number;
  /** Referred patients. Default 60. */
  patientCount?: number;
}

/** England & Wales bank holidays the demo centre closes on (2026–2027). */
const bankHolidays = [
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
];

type ShiftPattern = 'clinical' | 'part-day' | 'phlebotomy' | 'support' | 'driver';

/**
 * The team, as a table. Fields: discipline, how many, qualifications, organisation,
 * mdtMember (attends the MDT), shift pattern, title for names.
 * SPEC §1 mix, plus one radiographer so the on-site X-ray has someone to run it.
 */
const teamPlan: ReadonlyArray<{
  discipline: string;
  count: number;
  qualifications: string[];
  organisation: StaffMemberCreate['organisation'];
  mdtMember: boolean;
  pattern: ShiftPattern;
  title: string;
}> = [
  { discipline: 'geriatrician', count: 2, qualifications: ['geriatrician-review'], organisation: icc(), mdtMember: true, pattern: 'clinical', title: 'Dr ' },
  { discipline: 'anp', count: 3, qualifications: ['anp-initial', 'phlebotomy'], organisation: icc(), mdtMember: true, pattern: 'clinical', title: '' },
  { discipline: 'pharmacy', count: 2, qualifications: ['medication-review', 'medicines-reconciliation'], organisation: icc(), mdtMember: true, pattern: 'clinical', title: '' },
  { discipline: 'pharmacy-technician', count: 1, qualifications: ['medicines-reconciliation'], organisation: icc(), mdtMember: false, pattern: 'clinical', title: '' },
  { discipline: 'ot', count: 2, qualifications: ['ot-assessment'], organisation: icc(), mdtMember: true, pattern: 'clinical', title: '' },
  { discipline: 'physio', count: 2, qualifications: ['physio-assessment', 'falls-group'], organisation: icc(), mdtMember: true, pattern: 'clinical', title: '' },
  { discipline: 'social-care', count: 2, qualifications: ['social-care-assessment'], organisation: { kind: 'council', name: 'Hull City Council Adult Social Care' }, mdtMember: true, pattern: 'clinical', title: '' },
  { discipline: 'phlebotomy', count: 1, qualifications: ['phlebotomy'], organisation: icc(), mdtMember: false, pattern: 'phlebotomy', title: '' },
  { discipline: 'radiography', count: 1, qualifications: ['radiography'], organisation: { kind: 'nhs-trust', name: 'Hull University Teaching Hospitals NHS Trust' }, mdtMember: false, pattern: 'part-day', title: '' },
  { discipline: 'voluntary', count: 1, qualifications: ['age-uk'], organisation: { kind: 'voluntary', name: 'Age UK Hull' }, mdtMember: false, pattern: 'part-day', title: '' },
  { discipline: 'voluntary', count: 1, qualifications: ['alzheimers-uk'], organisation: { kind: 'voluntary', name: "Alzheimer's UK" }, mdtMember: false, pattern: 'part-day', title: '' },
  { discipline: 'voluntary', count: 1, qualifications: ['parkinsons-uk'], organisation: { kind: 'voluntary', name: "Parkinson's UK" }, mdtMember: false, pattern: 'part-day', title: '' },
  { discipline: 'support-worker', count: 4, qualifications: ['pre-visit'], organisation: icc(), mdtMember: false, pattern: 'support', title: '' },
  { discipline: 'driver', count: 3, qualifications: ['driver'], organisation: icc(), mdtMember: false, pattern: 'driver', title: '' },
];

function icc(): StaffMemberCreate['organisation'] {
  return { kind: 'icc-provider', name: 'Jean Bishop ICC' };
}

/** Rooms: name, type, capacity (dining: seats; MDT: chairs round the table). */
const roomPlan: ReadonlyArray<{ name: string; type: string; capacity: number }> = [
  ...Array.from({ length: 8 }, (_, i) => ({ name: `Consult room ${i + 1}`, type: 'consult', capacity: 1 })),
  // Places for a full strength-and-balance group (groupCapacity 6); with 2 a group could never pass 2.
  { name: 'Therapy gym', type: 'gym', capacity: 6 },
  { name: 'OT kitchen', type: 'ot-kitchen', capacity: 1 },
  { name: 'ADL flat', type: 'ot-kitchen', capacity: 1 },
  { name: 'Phlebotomy room', type: 'phlebotomy', capacity: 1 },
  { name: 'X-ray suite', type: 'x-ray', capacity: 1 },
  { name: 'Dining room', type: 'dining', capacity: 20 },
  { name: 'MDT room', type: 'mdt', capacity: 24 },
];

/** Working hours and breaks per pattern, local "HH:MM". Breaks are staggered by the member's index. */
function shiftTimes(pattern: ShiftPattern, index: number): Pick<ShiftCreate, 'start' | 'end' | 'breaks'> {
  const lunch = [['12:00', '12:30'], ['12:30', '13:00'], ['13:00', '13:30']][index % 3]!;
  switch (pattern) {
    case 'clinical':
      return { start: '08:30', end: '17:00', breaks: [{ start: lunch[0]!, end: lunch[1]! }] };
    case 'part-day':
      return { start: '09:00', end: '15:00', breaks: [{ start: '12:00', end: '12:30' }] };
    case 'phlebotomy':
      return { start: '08:30', end: '14:30', breaks: [{ start: '11:30', end: '12:00' }] };
    case 'support':
      return { start: '08:30', end: '16:30', breaks: [{ start: lunch[0]!, end: lunch[1]! }] };
    case 'driver':
      return { start: '07:30', end: '17:30', breaks: [{ start: '11:30', end: '12:15' }] };
  }
}

/** An NHS number in the 999 test range with a valid modulus-11 check digit. */
function testNhsNumber(r: DemoRandom, taken: Set<string>): string {
  for (;;) {
    const first9 = `999${String(r.int(1_000_000)).padStart(6, '0')}`;
    const check = nhsCheckDigit(first9);
    const nhs = `${first9}${check}`;
    if (check !== null && !taken.has(nhs)) {
      taken.add(nhs);
      return nhs;
    }
  }
}

function postcodeIn(r: DemoRandom, outward: string): string {
  return `${outward} ${r.int(10)}${r.pick([...inwardLetters])}${r.pick([...inwardLetters])}`;
}

function weightedDistrict(r: DemoRandom) {
  const total = hullDistricts.reduce((sum, d) => sum + d.weight, 0);
  let x = r.next() * total;
  for (const d of hullDistricts) {
    x -= d.weight;
    if (x < 0) return d;
  }
  return hullDistricts[hullDistricts.length - 1]!;
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** Dates from startDate on which the centre runs ICC days (weekdays, not bank holidays). */
export function demoOpenDates(startDate: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(startDate, i)).filter(
    (d) => isoWeekday(d) <= 5 && !bankHolidays.includes(d),
  );
}

/**
 * Generates the demo centre.
 * @example generateDemoCentre({ seed: 1, startDate: '2026-11-30' }).patients.length // 60
 */
export function generateDemoCentre(options: DemoCentreOptions): DemoCentre {
  const { seed, startDate } = options;
  const days = options.days ?? 14;
  const patientCount = options.patientCount ?? 60;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) throw new Error(`startDate must be "YYYY-MM-DD", got "${startDate}"`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a whole number ≥ 1, got ${days}`);
  if (!Number.isInteger(patientCount) || patientCount < 0) throw new Error(`patientCount must be a whole number ≥ 0, got ${patientCount}`);
  const openDates = demoOpenDates(startDate, days);
  const horizonEnd = addDays(startDate, days - 1);

  const centre: WithId<CentreCreate> = {
    id: demoRandom(seed, 'centre').uuid(),
    name: 'Jean Bishop Integrated Care Centre (demo)',
    timeZone: 'Europe/London',
    openingHours: { start: '08:30', end: '17:00' },
    openWeekdays: [1, 2, 3, 4, 5],
    closedDates: bankHolidays.filter((d) => d >= startDate && d <= horizonEnd),
    lunchWindow: { start: '12:00', end: '13:30' },
    mealDurationMin: 30,
    mealRoomType: 'dining',
    mdt: { start: '15:30', durationMin: 45 },
    transferMin: 5,
    checkInBufferMin: 15,
    maxOnSiteMin: 420,
    restRule: { maxConsecutive: 3, minRestMin: 15 },
    addressLines: [...iccSite.addressLines],
    postcode: iccSite.postcode,
    lat: iccSite.lat,
    lon: iccSite.lon,
    // Ofcom's numbers for drama and an example.org address: fictional, never anyone's.
    phone: '01632 960000',
    email: 'jean-bishop-icc@example.org',
    fullPatientDetailsInFeeds: false,
    outreach: null,
  };

  const staff = generateStaff(seed);
  const shifts = generateRota(seed, staff, openDates);
  const rooms = roomPlan.map((room, i) => ({ id: demoRandom(seed, `room:${i}`).uuid(), ...room }));
  const assessmentTypes = demoAssessmentTypes.map((t) => ({ id: demoRandom(seed, `type:${t.code}`).uuid(), ...t }));
  const typeIdByCode = new Map(assessmentTypes.map((t) => [t.code, t.id]));
  const typeId = (code: string) => (code === '*' ? '*' : typeIdByCode.get(code)!);
  const precedenceRules = demoPrecedences.map((p, i) => ({
    id: demoRandom(seed, `precedence:${i}`).uuid(),
    before: typeId(p.before),
    after: typeId(p.after),
    minLagMin: p.minLagMin,
    reason: p.reason,
  }));
  const drivers = staff.filter((s) => s.discipline === 'driver');
  const vehicles: WithId<VehicleCreate>[] = [
    { name: 'Minibus 1', seats: 8, wheelchairSpaces: 2 },
    { name: 'Minibus 2', seats: 8, wheelchairSpaces: 2 },
    { name: 'Accessible car', seats: 3, wheelchairSpaces: 1 },
  ].map((v, i) => ({
    id: demoRandom(seed, `vehicle:${i}`).uuid(),
    ...v,
    depot: { ...transportDepot },
    driverShift: { start: '07:30', end: '17:30' },
    driverStaffId: drivers[i]?.id ?? null,
  }));

  const patients: DemoCentre['patients'] = [];
  const referrals: DemoCentre['referrals'] = [];
  const preVisits: DemoCentre['preVisits'] = [];
  const takenNhs = new Set<string>();
  const supportWorkers = staff.filter((s) => s.discipline === 'support-worker');
  const geriatricians = staff.filter((s) => s.discipline === 'geriatrician');
  for (let i = 0; i < patientCount; i++) {
    const r = demoRandom(seed, `patient:${i}`);
    const patient = generatePatient(r, i, takenNhs, openDates, startDate);
    const referral = generateReferral(r, patient, startDate);
    const preVisit = generatePreVisit(r, patient, referral, startDate, typeIdByCode, supportWorkers, geriatricians);
    patients.push(patient);
    referrals.push(referral);
    preVisits.push(preVisit);
  }

  // Care homes draw from their own streams, and residents are linked by the home's name in
  // their address, so adding them changed no other demo record.
  const demoCareHomes = generateCareHomes(seed);
  for (const patient of patients) {
    patient.careHomeId = patient.careHomeResident ? (demoCareHomes.find((h) => h.name === patient.addressLines[0])?.id ?? null) : null;
  }

  return { seed, startDate, days, centre, staff, shifts, rooms, assessmentTypes, precedenceRules, patients, referrals, preVisits, vehicles, careHomes: demoCareHomes };
}

function generateCareHomes(seed: number): WithId<CareHomeCreate>[] {
  return careHomes.map((home, i) => {
    const r = demoRandom(seed, `care-home:${i}`);
    const district = hullDistricts.find((d) => d.outward === home.outward)!;
    return {
      id: r.uuid(),
      name: home.name,
      addressLines: [`${r.between(2, 180)} ${home.street}`, 'Hull'],
      postcode: postcodeIn(r, home.outward),
      lat: round(district.lat + r.real(-0.004, 0.004), 5),
      lon: round(district.lon + r.real(-0.006, 0.006), 5),
      phone: `01482 ${String(r.between(100000, 999999))}`,
      sharedRooms: [{ key: 'lounge', name: 'Lounge', capacity: 1 }, ...(r.chance(0.5) ? [{ key: 'quiet-room', name: 'Quiet room', capacity: 1 }] : [])],
      visitingHours: { start: r.pick(['09:00', '09:30']), end: '17:00' },
    };
  });
}

function generateStaff(seed: number): WithId<StaffMemberCreate>[] {
  const staff: WithId<StaffMemberCreate>[] = [];
  const usedNames = new Set<string>();
  teamPlan.forEach((role, roleIndex) => {
    for (let k = 0; k < role.count; k++) {
      const r = demoRandom(seed, `staff:${roleIndex}:${k}`);
      let plainName: string;
      do plainName = `${r.pick(staffGivenNames)} ${r.pick(familyNames)}`;
      while (usedNames.has(plainName));
      usedNames.add(plainName);
      const name = `${role.title}${plainName}`;
      const email = `${name.replace(/^Dr /, '').toLowerCase().replace(/[^a-z]+/g, '.')}@demo-icc.nhs.uk`;
      staff.push({
        id: r.uuid(),
        name,
        discipline: role.discipline,
        qualifications: [...role.qualifications],
        organisation: { ...role.organisation },
        mdtMember: role.mdtMember,
        email,
        active: true,
      });
    }
  });
  return staff;
}

/**
 * Weekday shifts for everyone; in each discipline of two or more, a member may take one
 * day off in the fortnight, on a day when nobody else of that discipline is off.
 */
function generateRota(seed: number, staff: WithId<StaffMemberCreate>[], openDates: string[]): WithId<ShiftCreate>[] {
  const r = demoRandom(seed, 'rota');
  const daysOff = new Map<string, string>();
  const byDiscipline = new Map<string, WithId<StaffMemberCreate>[]>();
  for (const s of staff) byDiscipline.set(s.discipline, [...(byDiscipline.get(s.discipline) ?? []), s]);
  for (const members of byDiscipline.values()) {
    if (members.length < 2) continue;
    const offDates = new Set<string>();
    for (const member of members) {
      if (!r.chance(0.4) || openDates.length === 0) continue;
      const date = r.pick(openDates);
      if (offDates.has(date)) continue;
      offDates.add(date);
      daysOff.set(member.id, date);
    }
  }
  const shifts: WithId<ShiftCreate>[] = [];
  for (const date of openDates) {
    const indexInDiscipline = new Map<string, number>();
    for (const member of staff) {
      const index = indexInDiscipline.get(member.discipline) ?? 0;
      indexInDiscipline.set(member.discipline, index + 1);
      if (daysOff.get(member.id) === date) continue;
      const pattern = teamPlan.find((t) => t.discipline === member.discipline)!.pattern;
      shifts.push({ id: r.uuid(), staffId: member.id, date, ...shiftTimes(pattern, index) });
    }
  }
  return shifts;
}

/** eFI mix of referred patients: mostly moderate and severe frailty, the odd mild one. */
function drawEfi(r: DemoRandom): PatientCreate['efiCategory'] {
  const x = r.next();
  if (x < 0.03) return 'fit';
  if (x < 0.25) return 'mild';
  if (x < 0.7) return 'moderate';
  return 'severe';
}

function drawMobility(r: DemoRandom, efi: PatientCreate['efiCategory']): PatientCreate['mobility'] {
  const wheelchair = { fit: 0, mild: 0.05, moderate: 0.15, severe: 0.35 }[efi];
  const aid = { fit: 0.1, mild: 0.35, moderate: 0.55, severe: 0.5 }[efi];
  const x = r.next();
  if (x < wheelchair) return 'wheelchair';
  if (x < wheelchair + aid) return 'walking-aid';
  return 'walks';
}

function generatePatient(r: DemoRandom, index: number, takenNhs: Set<string>, openDates: string[], startDate: string): WithId<PatientCreate> {
  const id = r.uuid();
  const female = r.chance(0.6);
  const givenName = r.pick(female ? femaleGivenNames : maleGivenNames);
  const familyName = r.pick(familyNames);
  const birthYear = Number(startDate.slice(0, 4)) - r.between(68, 96);
  const dateOfBirth = `${birthYear}-${String(r.between(1, 12)).padStart(2, '0')}-${String(r.between(1, 28)).padStart(2, '0')}`;
  const efiCategory = drawEfi(r);
  const careHomeResident = r.chance(efiCategory === 'severe' ? 0.2 : 0.04);
  let addressLines: string[];
  let postcode: string;
  let lat: number;
  let lon: number;
  if (careHomeResident) {
    const home = r.pick(careHomes);
    const district = hullDistricts.find((d) => d.outward === home.outward)!;
    addressLines = [home.name, home.street, 'Hull'];
    postcode = postcodeIn(r, home.outward);
    lat = district.lat + r.real(-0.004, 0.004);
    lon = district.lon + r.real(-0.006, 0.006);
  } else {
    const district = weightedDistrict(r);
    addressLines = [`${r.between(1, 180)} ${r.pick(district.streets)}`, 'Hull'];
    postcode = postcodeIn(r, district.outward);
    // Spread within the district: ±0.008° lat (≈0.9 km), ±0.012° lon (≈0.8 km).
    lat = district.lat + r.real(-0.008, 0.008);
    lon = district.lon + r.real(-0.012, 0.012);
  }
  const hasCarer = careHomeResident || r.chance(efiCategory === 'severe' ? 0.75 : 0.45);
  const carer = hasCarer
    ? { name: careHomeResident ? 'Care home staff' : `${r.pick([...femaleGivenNames, ...maleGivenNames])} ${familyName} (${r.pick(carerRelationships)})`, phone: demoMobile(index), attending: r.chance(careHomeResident ? 0.8 : 0.6) }
    : null;
  const dietaryNeeds = r.chance(0.3) ? [r.pick(dietaryOptions)] : [];
  const unavailableDates = openDates.length === 0 ? [] : [...new Set(Array.from({ length: r.between(0, 2) }, () => r.pick(openDates)))].sort();
  return {
    id,
    nhsNumber: testNhsNumber(r, takenNhs),
    givenName,
    familyName,
    dateOfBirth,
    addressLines,
    postcode,
    lat: round(lat, 5),
    lon: round(lon, 5),
    phone: `01482 ${String(r.between(100000, 999999))}`,
    accessNotes: demoAccessNotes(index, careHomeResident),
    mobility: drawMobility(r, efiCategory),
    carer,
    efiCategory,
    gpPractice: r.pick(gpPractices),
    careHomeResident,
    careHomeId: null,
    dietaryNeeds,
    unavailableDates,
    localRef: `JB-${String(index + 1).padStart(4, '0')}`,
  };
}

// Carer phones and access notes come from the index, not the seeded draws, so adding them
// left every other demo value (and the benchmarks built on them) as it was.
/** A mobile number from Ofcom's range for drama (07700 900000–900999). */
function demoMobile(index: number): string {
  return `07700 900${String((index * 37) % 1000).padStart(3, '0')}`;
}

function demoAccessNotes(index: number, careHomeResident: boolean): string | null {
  if (careHomeResident) return 'Ring at reception; the duty carer brings the patient to the door.';
  switch (index % 4) {
    case 0: return `Key safe left of the front door, code ${1000 + ((index * 7919) % 9000)}. Knock and call out before going in.`;
    case 1: return 'Side door (front door sticks). Ring twice and wait: hard of hearing.';
    default: return null;
  }
}

function generateReferral(r: DemoRandom, patient: WithId<PatientCreate>, startDate: string): WithId<ReferralCreate> {
  const byCareHome = patient.careHomeResident;
  const byCommunityTeam = !byCareHome && r.chance(0.2);
  return {
    id: r.uuid(),
    patientId: patient.id,
    referrer: byCareHome
      ? { kind: 'care-home', name: `Manager, ${patient.addressLines[0]}`, organisation: patient.gpPractice }
      : byCommunityTeam
        ? { kind: 'community-team', name: 'Hull frailty community team', organisation: patient.gpPractice }
        : { kind: 'gp', name: `Dr ${r.pick(staffGivenNames)} ${r.pick(familyNames)}`, organisation: patient.gpPractice },
    referredDate: addDays(startDate, -r.between(7, 84)),
    urgent: r.chance(0.1),
    status: 'pre-visit-done',
    notes: null,
  };
}

/** Most assessment minutes one patient's day is planned with. */
export const MAX_ASSESSMENT_MIN_PER_DAY = 250;
/** Dropped first, in this order, when a patient's needs exceed MAX_ASSESSMENT_MIN_PER_DAY. */
const deferrableAssessments = ['falls-group', 'medicines-reconciliation', 'age-uk', 'x-ray', 'alzheimers-support', 'social-care'];

/**
 * What the home pre-visit decided. Everyone sees the ANP and the geriatrician; the rest is
 * drawn from frailty, mobility and circumstances (probabilities in the table below).
 */
function generatePreVisit(
  r: DemoRandom,
  patient: WithId<PatientCreate>,
  referral: WithId<ReferralCreate>,
  startDate: string,
  typeIdByCode: Map<string, string>,
  supportWorkers: WithId<StaffMemberCreate>[],
  geriatricians: WithId<StaffMemberCreate>[],
): WithId<PreVisitCreate & { referralId: string }> {
  const frail = patient.efiCategory === 'moderate' || patient.efiCategory === 'severe';
  const limitedMobility = patient.mobility !== 'walks';
  const memoryConcern = r.chance(frail ? 0.2 : 0.08);
  const parkinsons = r.chance(0.06);
  const fallen = r.chance(limitedMobility ? 0.45 : 0.2);
  const chances: Array<[string, number]> = [
    ['anp-initial', 1],
    ['bloods', 0.85],
    ['medication-review', frail ? 0.9 : 0.7],
    ['medicines-reconciliation', 0.15],
    ['ot-assessment', frail || limitedMobility ? 0.7 : 0.4],
    ['physio-assessment', fallen || limitedMobility ? 0.8 : 0.35],
    ['falls-group', fallen && patient.mobility !== 'wheelchair' ? 0.5 : 0],
    ['x-ray', fallen ? 0.3 : 0.05],
    ['social-care', patient.careHomeResident ? 0.1 : frail ? 0.4 : 0.15],
    ['age-uk', patient.careHomeResident ? 0 : 0.2],
    ['alzheimers-support', memoryConcern ? 0.9 : 0],
    ['parkinsons-advice', parkinsons ? 1 : 0],
    ['geriatrician-review', 1],
  ];
  const codes = chances.filter(([, p]) => r.chance(p)).map(([code]) => code);
  // A CGA day has room for about four hours of assessments: beyond that, the least
  // essential sessions are left for follow-up.
  const durationOf = new Map(demoAssessmentTypes.map((t) => [t.code, t.durationMin]));
  const totalMin = () => codes.reduce((sum, code) => sum + durationOf.get(code)!, 0);
  for (const optional of deferrableAssessments) {
    if (totalMin() <= MAX_ASSESSMENT_MIN_PER_DAY) break;
    if (codes.includes(optional)) codes.splice(codes.indexOf(optional), 1);
  }
  const ids = (list: string[]) => list.map((code) => typeIdByCode.get(code)!);
  const carerAttending = patient.carer?.attending ?? false;
  const carerRequiredFor = carerAttending ? codes.filter((c) => c === 'social-care' || c === 'alzheimers-support') : [];
  const namedClinicians =
    r.chance(0.15) && geriatricians.length > 0
      ? [{ assessmentTypeId: typeIdByCode.get('geriatrician-review')!, staffId: r.pick(geriatricians).id }]
      : [];
  // Visited between a few days after referral and two days before the rota starts.
  const daysBeforeStart = r.between(2, 10);
  const visitDate = addDays(startDate, -daysBeforeStart) < referral.referredDate ? referral.referredDate : addDays(startDate, -daysBeforeStart);
  return {
    id: r.uuid(),
    referralId: referral.id,
    visitDate,
    supportWorkerId: supportWorkers.length > 0 ? r.pick(supportWorkers).id : null,
    requiredAssessmentTypeIds: ids(codes),
    namedClinicians,
    carerRequiredFor: ids(carerRequiredFor),
    consentRecordAccess: r.chance(0.95),
    consentSpeakToCarers: patient.carer !== null,
    carerAttending,
    mobility: patient.mobility,
    dietaryNeeds: [...patient.dietaryNeeds],
    transportNeeded: patient.mobility === 'wheelchair' || patient.careHomeResident || r.chance(0.6),
    whatMatters: r.pick([
      'Staying in my own home.',
      'Getting out to the shops again.',
      'Not falling.',
      'Seeing my grandchildren.',
      'Managing my tablets.',
      'Getting back to the allotment.',
      'Being less tired.',
    ]),
  };
}
