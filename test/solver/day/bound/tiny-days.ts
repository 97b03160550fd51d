/**
 * Tiny day problems and an exhaustive search over their plans (every start on a 5-minute
 * grid, every qualified staff member and room of the right type, or unscheduled), scored by
 * scorePlan: the true optimum the bound must never exceed. All the problems' times are
 * multiples of 5, so some optimal plan lies on the grid.
 */
import type { DayAssessmentType, DayPatient, DayProblem } from '../../../../solver/model/day-problem.ts';
import type { PlannedActivity, UnscheduledAssessment } from '../../../../solver/model/day-plan.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../../../../solver/model/options.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';

export function type(id: string, durationMin: number, roomType: string, extra: Partial<DayAssessmentType> = {}): DayAssessmentType {
  return { id, name: id, discipline: id, kind: 'assessment', durationMin, roomType, qualification: id, groupCapacity: 1, ...extra };
}

export function patient(id: string, required: string[], extra: Partial<DayPatient> = {}): DayPatient {
  return { id, ref: id, initials: id, priority: 1, earliestArrivalMin: 0, latestDepartureMin: 1000, maxOnSiteMin: 1000,
    required: required.map((typeId) => ({ typeId })), needsMeal: false, ...extra };
}

/** A centre open 0–1000 with no check-in, transfer or MDT in the way unless a test sets them. */
export function tinyProblem(parts: Partial<DayProblem> & Pick<DayProblem, 'assessmentTypes' | 'patients'>, centre: Partial<DayProblem['centre']> = {}): DayProblem {
  return {
    date: '2026-12-01',
    centre: { id: 'c', name: 'Test ICC', openMin: 0, closeMin: 1000, lunchWindow: { startMin: 60, endMin: 150 }, mealDurationMin: 30, mealRoomType: 'dining',
      mdt: { startMin: 900, durationMin: 30 }, transferMin: 0, checkInBufferMin: 0, ...centre },
    precedences: [],
    staff: parts.assessmentTypes.map((t) => ({ id: `s-${t.id}`, name: `Staff ${t.id}`, discipline: t.discipline, qualifications: [t.qualification],
      shift: { startMin: 0, endMin: 1000 }, breaks: [], mdtMember: false })),
    rooms: [...new Set([...parts.assessmentTypes.map((t) => t.roomType), 'dining'])].map((roomType) => ({ id: `r-${roomType}`, name: roomType, type: roomType, capacity: 1 })),
    ...parts,
  };
}

/** 'a' comes first and 'z' last. */
export const firstAndLast = [
  { id: 'first', before: 'a', after: '*', minLagMin: 0 },
  { id: 'last', before: '*', after: 'z', minLagMin: 0 },
];

/**
 * One first-assessor, one last-assessor, the MDT at 120; a long patient (a, 60 min of m, z),
 * a medium one (a, 30 min of n, z) and a short one (a, z), all 30-min steps. Alone each fits
 * easily, and every time window has room for its load, but the assessor's second and third
 * slots (30, 60) leave the medium patient's review no slot 60 min later.
 */
export function squeezedDay(priorities: { long?: number; medium?: number; short?: number } = {}): DayProblem {
  return tinyProblem({
    assessmentTypes: [type('a', 30, 'ra'), type('m', 60, 'rm'), type('n', 30, 'rn'), type('z', 30, 'rz')],
    patients: [
      patient('long', ['a', 'm', 'z'], { priority: priorities.long ?? 1 }),
      patient('medium', ['a', 'n', 'z'], { priority: priorities.medium ?? 1 }),
      patient('short', ['a', 'z'], { priority: priorities.short ?? 1 }),
    ],
    precedences: firstAndLast.map((r) => ({ ...r })),
  }, { mdt: { startMin: 120, durationMin: 30 } });
}

/** A planned assessment for hand-made plans. */
export const at = (patientId: string, typeId: string, startMin: number, endMin: number, staffId: string, roomId: string): PlannedActivity =>
  ({ id: `${patientId}:${typeId}`, patientId, typeId, kind: 'assessment', startMin, endMin, staffId, roomId });

/** A valid plan of the squeezed day that leaves out the medium patient's review, with its score. */
export function squeezedDayWithoutMediumReview(problem: DayProblem) {
  const activities = [
    at('long', 'a', 0, 30, 's-a', 'r-ra'), at('long', 'm', 30, 90, 's-m', 'r-rm'), at('long', 'z', 90, 120, 's-z', 'r-rz'),
    at('short', 'a', 30, 60, 's-a', 'r-ra'), at('short', 'z', 60, 90, 's-z', 'r-rz'),
    at('medium', 'a', 60, 90, 's-a', 'r-ra'), at('medium', 'n', 90, 120, 's-n', 'r-rn'),
  ].sort((x, y) => x.startMin - y.startMin);
  return { activities, score: scorePlan(problem, activities, [{ patientId: 'medium', typeId: 'z', reason: 'no-staff-free', message: 'no slot' }]) };
}

interface Option { activity?: PlannedActivity; unscheduled?: UnscheduledAssessment }

/**
 * The least soft score of any plan with no hard violation, by exhaustive search over starts
 * every `stepMin` (5 unless given; exact when every time in the problem is a multiple of it).
 * With `placeAll`, only plans placing every assessment count (Infinity: there is none).
 */
export function bruteForceOptimum(problem: DayProblem, weights: Partial<ObjectiveWeights>, horizonMin: number, options: { stepMin?: number; placeAll?: boolean } = {}): number {
  const stepMin = options.stepMin ?? 5;
  const w = { ...DEFAULT_WEIGHTS, ...weights };
  const slots: Option[][] = [];
  for (const p of problem.patients) {
    const items = [...p.required.map((r) => r.typeId), ...(p.needsMeal === false ? [] : ['meal'])];
    for (const typeId of items) {
      const t = problem.assessmentTypes.find((x) => x.id === typeId);
      const durationMin = t ? t.durationMin : problem.centre.mealDurationMin;
      const roomType = t ? t.roomType : problem.centre.mealRoomType;
      const staffIds = t ? problem.staff.filter((s) => s.qualifications.includes(t.qualification)).map((s) => s.id) : [undefined];
      const rooms = problem.rooms.filter((r) => r.type === roomType);
      const choices: Option[] = t && !options.placeAll ? [{ unscheduled: { patientId: p.id, typeId, reason: 'no-staff-free', message: 'enumerated' } }] : [];
      for (let startMin = 0; startMin + durationMin <= horizonMin; startMin += stepMin) {
        for (const staffId of staffIds) {
          for (const room of rooms) {
            choices.push({ activity: { id: `${p.id}:${typeId}`, patientId: p.id, typeId, kind: t ? t.kind : 'meal', startMin, endMin: startMin + durationMin,
              roomId: room.id, ...(staffId ? { staffId } : {}) } });
          }
        }
      }
      slots.push(choices);
    }
  }
  let best = Infinity;
  const chosen: Option[] = [];
  const visit = (i: number): void => {
    if (i === slots.length) {
      const activities = chosen.flatMap((o) => (o.activity ? [o.activity] : []));
      const unscheduled = chosen.flatMap((o) => (o.unscheduled ? [o.unscheduled] : []));
      const score = scorePlan(problem, activities, unscheduled, w);
      if (score.hard === 0 && score.soft < best) best = score.soft;
      return;
    }
    for (const option of slots[i]!) { chosen.push(option); visit(i + 1); chosen.pop(); }
  };
  visit(0);
  return best;
}
