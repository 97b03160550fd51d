import { readFileSync } from 'node:fs';
import { isAppError } from '../../../src/errors/app-error.ts';
import { describe, expect, it } from 'vitest';
import type { DayProblem } from '../../../solver/model/day-problem.ts';
import { demoDayProblem } from '../../../src/demo/demo-day-problem.ts';
import {
  DayProblemValidationError,
  dayProblemIssues,
  formatIssuePath,
  parseDayProblem,
  renderDayProblemJsonSchema,
} from '../../../src/domain/day-problem-schema.ts';

/** A small, valid problem: one patient seeing the ANP then the geriatrician. */
function smallProblem(): DayProblem {
  return {
    date: '2026-12-01',
    centre: {
      id: 'c1',
      name: 'Test ICC',
      openMin: 510,
      closeMin: 1020,
      lunchWindow: { startMin: 720, endMin: 810 },
      mealDurationMin: 30,
      mealRoomType: 'dining',
      mdt: { startMin: 930, durationMin: 45, roomId: 'mdt' },
      transferMin: 5,
      checkInBufferMin: 15,
    },
    assessmentTypes: [
      { id: 'anp', name: 'ANP', discipline: 'anp', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'anp', groupCapacity: 1 },
      { id: 'geri', name: 'Geri', discipline: 'geriatrician', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'geriatrician', groupCapacity: 1 },
    ],
    precedences: [{ id: 'p1', before: 'anp', after: '*', minLagMin: 0 }],
    staff: [
      { id: 's1', name: 'A', discipline: 'anp', qualifications: ['anp'], shift: { startMin: 510, endMin: 1020 }, breaks: [], mdtMember: true },
      { id: 's2', name: 'B', discipline: 'geriatrician', qualifications: ['geriatrician'], shift: { startMin: 510, endMin: 1020 }, breaks: [], mdtMember: true },
    ],
    rooms: [
      { id: 'r1', name: 'Consult 1', type: 'consult', capacity: 1 },
      { id: 'dining', name: 'Dining', type: 'dining', capacity: 10 },
      { id: 'mdt', name: 'MDT', type: 'mdt', capacity: 20 },
    ],
    patients: [
      {
        id: 'pt1',
        ref: 'ICC-1',
        initials: 'AB',
        priority: 1,
        earliestArrivalMin: 510,
        latestDepartureMin: 1020,
        maxOnSiteMin: 420,
        required: [{ typeId: 'anp' }, { typeId: 'geri', preferredStaffId: 's2' }],
      },
    ],
    pins: [{ patientId: 'pt1', typeId: 'meal', startMin: 720 }],
  };
}

function pathsOf(doc: unknown): string[] {
  return dayProblemIssues(doc).map((i) => i.path);
}

describe('dayProblemSchema', () => {
  it('accepts a valid problem and returns it unchanged', () => {
    const problem = smallProblem();
    expect(parseDayProblem(problem)).toEqual(problem);
  });

  it('accepts the demo day problem, and names the path when one of its patients needs an unknown type', () => {
    const demo = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    expect(dayProblemIssues(demo)).toEqual([]);
    demo.patients[3]!.required[0]!.typeId = 'aromatherapy';
    demo.staff[2]!.shift.endMin = demo.staff[2]!.shift.startMin;
    expect(dayProblemIssues(demo)).toEqual([
      { path: 'staff[2].shift.endMin', message: 'endMin must be after startMin' },
      { path: 'patients[3].required[0].typeId', message: 'unknown assessment type "aromatherapy"' },
    ]);
  });

  it('names the path of an unknown assessment type in a requirement', () => {
    const problem = smallProblem();
    problem.patients[0]!.required[1]!.typeId = 'xray';
    expect(pathsOf(problem)).toEqual(['patients[0].required[1].typeId']);
  });

  it('names unknown staff, rooms, patients and types in pins', () => {
    const problem = smallProblem();
    problem.pins = [
      { patientId: 'pt1', typeId: 'anp', startMin: 540, staffId: 'nobody', roomId: 'r1' },
      { patientId: 'ghost', typeId: 'nothing', startMin: 600, roomId: 'attic' },
    ];
    expect(pathsOf(problem).sort()).toEqual(['pins[0].staffId', 'pins[1].patientId', 'pins[1].roomId', 'pins[1].typeId']);
  });

  it('rejects unknown precedence types, the unknown MDT room and a missing dining room', () => {
    const problem = smallProblem();
    problem.precedences.push({ id: 'p2', before: 'bloods', after: 'geri', minLagMin: 60 });
    problem.centre.mdt.roomId = 'boardroom';
    problem.rooms = problem.rooms.filter((r) => r.type !== 'dining');
    expect(pathsOf(problem).sort()).toEqual(['centre.mdt.roomId', 'centre.mealRoomType', 'precedences[1].before']);
  });

  it('rejects duplicate ids, a twice-required type and an unknown preferred clinician', () => {
    const problem = smallProblem();
    problem.staff.push({ ...problem.staff[0]! });
    problem.patients[0]!.required.push({ typeId: 'anp' });
    problem.patients[0]!.required[1]!.preferredStaffId = 'dr-who';
    expect(pathsOf(problem).sort()).toEqual(['patients[0].required[1].preferredStaffId', 'patients[0].required[2].typeId', 'staff[2].id']);
  });

  it('rejects windows that end before they start, non-integer minutes and bad enums', () => {
    const problem = smallProblem();
    problem.staff[0]!.shift = { startMin: 900, endMin: 600 };
    problem.patients[0]!.latestDepartureMin = 400;
    (problem.assessmentTypes[0] as { durationMin: number }).durationMin = 12.5;
    (problem.assessmentTypes[1] as { kind: string }).kind = 'chat';
    expect(pathsOf(problem).sort()).toEqual([
      'assessmentTypes[0].durationMin',
      'assessmentTypes[1].kind',
      'patients[0].latestDepartureMin',
      'staff[0].shift.endMin',
    ]);
  });

  it('rejects unknown fields (typos) and a bad date, naming them', () => {
    const problem = { ...smallProblem(), date: '2026-02-30', patiens: [] } as unknown;
    const issues = dayProblemIssues(problem);
    expect(issues.map((i) => i.path).sort()).toEqual(['', 'date']);
    expect(issues.find((i) => i.path === '')!.message).toContain('patiens');
  });

  it('throws a DayProblemValidationError whose message names the field', () => {
    const problem = smallProblem();
    problem.patients[0]!.required[0]!.typeId = 'nope';
    expect(() => parseDayProblem(problem)).toThrow(DayProblemValidationError);
    expect(() => parseDayProblem(problem)).toThrow(/patients\[0\]\.required\[0\]\.typeId: unknown assessment type "nope"/);
  });

  it('formats zod paths with brackets for indexes', () => {
    expect(formatIssuePath(['patients', 3, 'required', 0, 'typeId'])).toBe('patients[3].required[0].typeId');
    expect(formatIssuePath([])).toBe('');
  });
});

describe('schemas/day-problem.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` to regenerate)', () => {
    const committed = readFileSync(new URL('../../../schemas/day-problem.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderDayProblemJsonSchema());
  });

  it('describes every top-level field of the document and forbids others', () => {
    const schema = JSON.parse(renderDayProblemJsonSchema()) as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(['assessmentTypes', 'centre', 'date', 'patients', 'pins', 'precedences', 'replanFromMin', 'rooms', 'staff']);
    expect(schema.required).not.toContain('pins');
    expect(schema.required).not.toContain('replanFromMin');
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('DayProblemValidationError', () => {
  it('is a 400 validation error whose details name each field, for the API error handler', () => {
    const problem = smallProblem();
    problem.patients[0]!.required[0]!.typeId = 'nope';
    let caught: unknown;
    try {
      parseDayProblem(problem);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught)).toBe(true);
    expect(caught).toMatchObject({ status: 400, code: 'validation_failed', details: [{ path: 'patients[0].required[0].typeId', message: 'unknown assessment type "nope"' }] });
  });
});
