// The patient's letter for a published ICC day: their pickup window (or arrival time), who
// they will see and why, the meal, when they will be home, from the newest published plan,
// its transport and the catalogue. Rendering is src/exports/patient-letter.ts.
import type { Knex } from 'knex';
import { z } from 'zod';
import { formatMinutes, MEAL_TYPE_ID, type DayPlan, type DayProblem } from '../../../solver/index.ts';
import { assessmentTypes } from '../../db/repositories/assessment-types.ts';
import { patients } from '../../db/repositories/patients.ts';
import { plans } from '../../db/repositories/plans.ts';
import { idSchema, localDateSchema } from '../../domain/primitives.ts';
import { appError, isAppError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { layTermsFor, type PatientLetter } from '../../exports/patient-letter.ts';
import { requireCentre } from './centre-scoped-service.ts';
import { centreAddress } from '../../domain/centre-address.ts';
import { transportService } from './transport-service.ts';

/** How wide the pickup window in the letter is, either side of the planned pickup. */
export const PICKUP_WINDOW_HALF_MIN = 15;

const floor5 = (min: number) => Math.floor(min / 5) * 5;
const ceil5 = (min: number) => Math.ceil(min / 5) * 5;
const round5 = (min: number) => Math.round(min / 5) * 5;

/** "Jean Bishop Integrated Care Centre (demo)" → "Jean Bishop ICC": the SMS's sender line. */
export function shortCentreName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/Integrated Care Centre/i, 'ICC').replace(/\s+/g, ' ').trim();
}

export const patientLetterService = {
  /** 404 for an unknown patient or one not on the day; 409 while the day has no published plan. */
  async forPatient(db: Knex, centreId: string, date: string, patientId: string): Promise<PatientLetter> {
    const centre = await requireCentre(db, centreId);
    parseOrThrow(z.strictObject({ date: localDateSchema, patientId: idSchema }), { date, patientId }, 'patient letter');
    const patient = await patients.findById(db, centreId, patientId);
    if (!patient) throw appError.notFound('patient', patientId);
    const stored = await plans.latestWithStatus(db, centreId, date, 'published');
    if (!stored) {
      throw appError.conflict(`The plan for ${date} is not published yet: letters go out with the published day`, [{ path: 'date', message: 'no published plan for this date' }]);
    }
    const { problem, plan } = stored.document as unknown as { problem: DayProblem; plan: DayPlan };
    const itinerary = plan.itineraries.find((i) => i.patientId === patientId);
    if (!itinerary) throw appError.notFound('patient on the published plan', patientId);

    const catalogue = new Map((await assessmentTypes.list(db, centreId)).map((t) => [t.code, t]));
    const typeNames = new Map(problem.assessmentTypes.map((t) => [t.id, t.name]));
    const staffNames = new Map(problem.staff.map((s) => [s.id, s.name]));
    const mine = plan.activities.filter((a) => a.patientId === patientId).sort((a, b) => a.startMin - b.startMin);
    const visits = mine.filter((a) => a.typeId !== MEAL_TYPE_ID).map((a) => {
      const lay = layTermsFor(a.typeId, catalogue.get(a.typeId)?.discipline, typeNames.get(a.typeId) ?? a.typeId);
      return { time: formatMinutes(a.startMin), ...lay, staffName: a.staffId === undefined ? null : (staffNames.get(a.staffId) ?? null) };
    });
    const meal = mine.find((a) => a.typeId === MEAL_TYPE_ID);

    let getting: PatientLetter['getting'] = { kind: 'not-arranged', arriveBy: formatMinutes(itinerary.arrivalMin) };
    let home: PatientLetter['home'] = { kind: 'not-arranged', finishAbout: formatMinutes(ceil5(itinerary.departureMin)) };
    try {
      const transport = await transportService.forDay(db, centreId, date);
      const times = transport.plan.passengers.find((p) => p.patientId === patientId);
      if (transport.plan.ownMeans.includes(patientId)) {
        getting = { kind: 'own-means', arriveBy: formatMinutes(itinerary.arrivalMin) };
        home = { kind: 'own-means', finishAbout: formatMinutes(ceil5(itinerary.departureMin)) };
      }
      if (times?.morning) {
        getting = { kind: 'transport', pickupFrom: formatMinutes(floor5(times.morning.pickupMin - PICKUP_WINDOW_HALF_MIN)), pickupTo: formatMinutes(ceil5(times.morning.pickupMin + PICKUP_WINDOW_HALF_MIN)) };
      }
      if (times?.afternoon) home = { kind: 'transport', about: formatMinutes(round5(times.afternoon.homeMin)) };
    } catch (error) {
      // No transport can be planned (e.g. the centre has no coordinates): the letter says to ring.
      if (!isAppError(error)) throw error;
    }
    return {
      centre: { name: centre.name, shortName: shortCentreName(centre.name), address: centreAddress(centre), phone: centre.phone },
      date,
      patient: {
        name: `${patient.givenName} ${patient.familyName}`, ref: patient.localRef, mobility: patient.mobility,
        carerComing: patient.carer?.attending === true, dietaryNeeds: patient.dietaryNeeds,
      },
      getting, visits, meal: meal ? { time: formatMinutes(meal.startMin) } : null, home,
    };
  },
};
