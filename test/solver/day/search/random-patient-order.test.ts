import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { randomPatientOrder } from '../../../../solver/day/search/random-patient-order.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { assessmentType, patient, smallDay, staffMember } from '../small-day-fixture.ts';

const problem = smallDay({
  assessmentTypes: [assessmentType('anp', 30), assessmentType('ot', 30), assessmentType('physio', 30), assessmentType('ger', 30)],
  precedences: [
    { id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 },
    { id: 'ger-last', before: '*', after: 'ger', minLagMin: 0 },
  ],
  staff: [staffMember('s', ['anp', 'ot', 'physio', 'ger'])],
  patients: ['p1', 'p2', 'p3', 'p4'].map((id) => patient(id, ['ger', 'physio', 'ot', 'anp'], { needsMeal: true })),
});
const day = compileDayProblem(problem, DEFAULT_WEIGHTS);

describe('randomPatientOrder', () => {
  it('lists every activity once, each patient together, the ANP before and the review after the others', () => {
    const order = Int32Array.from({ length: day.activityCount }, (_, a) => a);
    const rng = createRng(7);
    const patientOrders = new Set<string>();
    for (let k = 0; k < 20; k++) {
      randomPatientOrder(day, order, rng);
      expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: day.activityCount }, (_, a) => a));
      const blocks = [...order].map((a) => day.activityPatient[a]!);
      // Contiguous blocks: the patient changes exactly (patients − 1) times along the list.
      expect(blocks.filter((p, i) => i > 0 && p !== blocks[i - 1]).length).toBe(problem.patients.length - 1);
      for (let i = 0; i < order.length; i += 5) {
        const types = [...order.slice(i, i + 5)].map((a) => day.activityTypeId[a]);
        expect(types[0]).toBe('anp');
        expect(types[4]).toBe('ger');
      }
      patientOrders.add(blocks.filter((_, i) => i % 5 === 0).join(','));
    }
    // Random, so the restarts do not all begin alike.
    expect(patientOrders.size).toBeGreaterThan(5);
  });

  it('is deterministic for a seed', () => {
    const a = Int32Array.from({ length: day.activityCount }, (_, i) => i);
    const b = a.slice();
    randomPatientOrder(day, a, createRng(3));
    randomPatientOrder(day, b, createRng(3));
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
