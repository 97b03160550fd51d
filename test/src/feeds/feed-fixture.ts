// A small ICC day used by the feed tests: two patients, three staff, a group session, the
// meal and the MDT, on any date (the same wall-clock minutes whatever the UTC offset).
import type { PlannedActivity } from '../../../solver/model/index.ts';
import type { FeedCentre, FeedDay, FeedPatient, SupportWorkerRound, VehicleDay } from '../../../src/feeds/feed-types.ts';

export const centre: FeedCentre = {
  id: 'hull-icc',
  name: 'Jean Bishop ICC',
  timeZone: 'Europe/London',
  fullPatientDetailsInFeeds: false,
  address: 'Hull HU6 9RZ',
};

/** Names and NHS numbers the default feeds must never show. */
export const patients: FeedPatient[] = [
  { id: 'p1', initials: 'MS', ref: 'ICC-0042', fullName: 'Margaret Smith', nhsNumber: '9434765919', homeAddress: '12 Beverley Road, Hull HU5 1AA' },
  { id: 'p2', initials: 'JB', ref: 'ICC-0043', fullName: 'John Brown', nhsNumber: '4010232137', homeAddress: '3 Holderness Road, Hull HU8 7NA' },
  { id: 'p3', initials: 'EW', ref: 'ICC-0050', fullName: 'Edith Walker', nhsNumber: '9876543210', homeAddress: '7 Anlaby Road, Hull HU3 2JX' },
  { id: 'p4', initials: 'AK', ref: 'ICC-0051', fullName: 'Arthur King', homeAddress: '21 Cottingham Road, Hull HU6 7RX' },
];

export const problem = (date: string): FeedDay['problem'] => ({
  date,
  assessmentTypes: [
    { id: 'anp-initial', name: 'ANP initial assessment', discipline: 'anp', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'anp', groupCapacity: 1 },
    { id: 'strength-group', name: 'Strength and balance group', discipline: 'physio', kind: 'assessment', durationMin: 60, roomType: 'gym', qualification: 'physio', groupCapacity: 4 },
    { id: 'geri-review', name: 'Geriatrician review', discipline: 'geriatrician', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'geriatrician', groupCapacity: 1 },
  ],
  staff: [
    { id: 's-anp', name: 'Sam Patel', discipline: 'anp', qualifications: ['anp'], shift: { startMin: 480, endMin: 990 }, breaks: [], mdtMember: true },
    { id: 's-physio', name: 'Lee Chan', discipline: 'physio', qualifications: ['physio'], shift: { startMin: 480, endMin: 990 }, breaks: [], mdtMember: true },
    { id: 's-ger', name: 'Dr Ruth Okafor', discipline: 'geriatrician', qualifications: ['geriatrician'], shift: { startMin: 480, endMin: 990 }, breaks: [], mdtMember: true },
  ],
  rooms: [
    { id: 'r-consult-1', name: 'Consult 1', type: 'consult', capacity: 1 },
    { id: 'r-consult-2', name: 'Consult 2', type: 'consult', capacity: 1 },
    { id: 'r-gym', name: 'Gym', type: 'gym', capacity: 4 },
    { id: 'r-dining', name: 'Dining room', type: 'dining', capacity: 20 },
    { id: 'r-seminar', name: 'Seminar room', type: 'meeting', capacity: 12 },
  ],
  patients: [],
});

const act = (patientId: string, typeId: string, startMin: number, endMin: number, roomId: string, staffId?: string, groupId?: string): PlannedActivity => ({
  id: `${patientId}:${typeId}`, patientId, typeId, kind: typeId === 'meal' ? 'meal' : 'assessment', startMin, endMin, roomId,
  ...(staffId === undefined ? {} : { staffId }), ...(groupId === undefined ? {} : { groupId }),
});

/** The published plan: p1 sees the ANP at 09:00 (540) and the geriatrician at 13:00 (780). */
export function plan(date: string): FeedDay['plan'] {
  const activities = [
    act('p1', 'anp-initial', 540, 585, 'r-consult-1', 's-anp'),
    act('p2', 'anp-initial', 590, 635, 'r-consult-1', 's-anp'),
    act('p1', 'strength-group', 660, 720, 'r-gym', 's-physio', 'g1'),
    act('p2', 'strength-group', 660, 720, 'r-gym', 's-physio', 'g1'),
    act('p1', 'meal', 720, 750, 'r-dining'),
    act('p2', 'meal', 720, 750, 'r-dining'),
    act('p1', 'geri-review', 780, 825, 'r-consult-2', 's-ger'),
    act('p2', 'geri-review', 830, 875, 'r-consult-2', 's-ger'),
  ];
  return {
    date,
    activities,
    itineraries: [
      { patientId: 'p1', arrivalMin: 525, departureMin: 825, activityIds: activities.filter((a) => a.patientId === 'p1').map((a) => a.id) },
      { patientId: 'p2', arrivalMin: 575, departureMin: 875, activityIds: activities.filter((a) => a.patientId === 'p2').map((a) => a.id) },
    ],
    mdt: { startMin: 900, endMin: 960, attendeeStaffIds: ['s-anp', 's-physio', 's-ger'] },
  };
}

/**
 * The replan after a change: the two geriatrician reviews swap (p1 moves to 13:50),
 * p2 drops out of the group session.
 */
export function replan(date: string): FeedDay['plan'] {
  const before = plan(date);
  const activities = before.activities
    .filter((a) => a.id !== 'p2:strength-group')
    .map((a) => (a.id === 'p1:geri-review' ? { ...a, startMin: 830, endMin: 875 } : a.id === 'p2:geri-review' ? { ...a, startMin: 780, endMin: 825 } : a));
  return {
    ...before,
    activities,
    itineraries: [
      { patientId: 'p1', arrivalMin: 525, departureMin: 875, activityIds: activities.filter((a) => a.patientId === 'p1').map((a) => a.id) },
      { patientId: 'p2', arrivalMin: 575, departureMin: 825, activityIds: activities.filter((a) => a.patientId === 'p2').map((a) => a.id) },
    ],
  };
}

export function day(date: string, which: 'plan' | 'replan' = 'plan'): FeedDay {
  return { problem: problem(date), plan: which === 'plan' ? plan(date) : replan(date), mdtRoomId: 'r-seminar' };
}

export function vehicleDay(date: string): VehicleDay {
  return {
    vehicleId: 'v1', vehicleName: 'Minibus 1', date,
    stops: [
      { id: 'p1:pickup', patientId: 'p1', kind: 'pickup', startMin: 490, mobility: 'walking-aid' },
      { id: 'p2:pickup', patientId: 'p2', kind: 'pickup', startMin: 520, mobility: 'wheelchair', carerRidingAlong: true },
      { id: 'p1:drop-off', patientId: 'p1', kind: 'drop-off', startMin: 860, mobility: 'walking-aid' },
      { id: 'p2:drop-off', patientId: 'p2', kind: 'drop-off', startMin: 905, mobility: 'wheelchair', carerRidingAlong: true },
    ],
  };
}

export function round(date: string): SupportWorkerRound {
  return {
    supportWorkerId: 'sw1', supportWorkerName: 'Jo Adams', date,
    visits: [
      { id: 'p4:pre-visit', patientId: 'p4', kind: 'home-visit', startMin: 660, endMin: 720 },
      { id: 'p3:pre-visit', patientId: 'p3', kind: 'home-visit', startMin: 570, endMin: 630 },
    ],
  };
}
