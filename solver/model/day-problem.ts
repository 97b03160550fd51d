/**
 * The day problem: everything the day planner needs to build each attending patient's
 * comprehensive geriatric assessment (CGA) day. A plain, JSON-serialisable document.
 *
 * Times are integer minutes from local midnight of `date` (the centre's time zone);
 * conversion to instants happens in `src/`, never here.
 */

/** A closed-open interval of minutes from local midnight: [startMin, endMin). */
export interface MinuteWindow {
  startMin: number;
  endMin: number;
}

/** Centre-wide rules for the day. */
export interface DayCentre {
  id: string;
  name: string;
  /** Doors open / close: no activity outside this window. */
  openMin: number;
  closeMin: number;
  /** Each patient's meal must lie inside this window. */
  lunchWindow: MinuteWindow;
  mealDurationMin: number;
  /** Room type where meals are served; its rooms' capacities are the dining capacity. */
  mealRoomType: string;
  /** The daily multidisciplinary team meeting. Every assessment ends by `startMin`. */
  mdt: { startMin: number; durationMin: number; roomId?: string };
  /** Minimum gap between a patient's consecutive activities in different rooms. */
  transferMin: number;
  /** A patient arrives at least this long before their first activity (check-in). */
  checkInBufferMin: number;
}

/** A kind of activity in the catalogue (assessment, diagnostic or group session). */
export interface DayAssessmentType {
  id: string;
  name: string;
  /** e.g. 'anp', 'ot', 'physio', 'pharmacy', 'geriatrician', 'social-care', 'voluntary', 'phlebotomy', 'radiography'. */
  discipline: string;
  kind: 'assessment' | 'diagnostic';
  durationMin: number;
  /** A room of this type hosts it. */
  roomType: string;
  /** A staff member must hold this qualification to deliver it. */
  qualification: string;
  /** 1 = one-to-one. >1 = group session: one staff member, one room, same start, up to this many patients. */
  groupCapacity: number;
}

/**
 * Precedence with a time lag, applied to each patient with activities on both sides (every
 * assessment or diagnostic the plan gives them, needed or not; never the meal; two activities
 * of one type are not ordered against each other): start(after) >= end(before) + minLagMin.
 * `'*'` on one side means "every other assessment or diagnostic of that patient",
 * so `{ before: 'anp-initial', after: '*' }` says the ANP's assessment comes first and
 * `{ before: '*', after: 'geriatrician-review' }` says the geriatrician's review comes last.
 */
export interface DayPrecedence {
  id: string;
  before: string | '*';
  after: string | '*';
  minLagMin: number;
  /** Shown in explanations, e.g. "bloods back before the geriatrician's review". */
  reason?: string;
}

export interface DayStaffMember {
  id: string;
  name: string;
  discipline: string;
  qualifications: string[];
  /** Working hours on this date. */
  shift: MinuteWindow;
  breaks: MinuteWindow[];
  /** Clinicians attend the MDT if they saw a patient; voluntary partners usually do not. */
  mdtMember: boolean;
}

export interface DayRoom {
  id: string;
  name: string;
  type: string;
  /** How many activities at once (dining room: seats; gym: group size). 1 for a consult room. */
  capacity: number;
}

/** A rest rule for frail patients: after `maxConsecutive` activities back to back, a gap of `minRestMin`. */
export interface RestRule {
  maxConsecutive: number;
  minRestMin: number;
}

export interface RequiredAssessment {
  typeId: string;
  /** Continuity: the patient's named clinician for this assessment, if any (soft). */
  preferredStaffId?: string;
  /** The carer should be present (soft), e.g. the social worker's session. */
  carerRequired?: boolean;
}

export interface DayPatient {
  id: string;
  /** Local reference shown on feeds instead of the NHS number. */
  ref: string;
  initials: string;
  /** Weight of this patient's unscheduled assessments (from eFI, wait and urgency); >= 1. */
  priority: number;
  /** Hard: on site only between these (from transport or the own-means arrival window). */
  earliestArrivalMin: number;
  latestDepartureMin: number;
  /** Hard: departure − arrival ≤ this. */
  maxOnSiteMin: number;
  required: RequiredAssessment[];
  /** Needs a meal (default true). */
  needsMeal?: boolean;
  rest?: RestRule;
  /** When the carer is on site, if a carer comes along. */
  carerPresent?: MinuteWindow;
  /** Soft preferences: arrive no earlier than / leave no later than. */
  preferredEarliestArrivalMin?: number;
  preferredLatestDepartureMin?: number;
}

/**
 * A coordinator's pin: this patient's activity of this type is fixed here.
 * `typeId` is `'meal'` for the meal. Staff/room, when given, are fixed too.
 */
export interface DayPin {
  patientId: string;
  typeId: string;
  startMin: number;
  staffId?: string;
  roomId?: string;
  /** Replanning an overrun: the activity really lasts this long (instead of its type's duration). */
  durationMin?: number;
}

export interface DayProblem {
  /** Plan date, YYYY-MM-DD (informational inside the solver). */
  date: string;
  centre: DayCentre;
  assessmentTypes: DayAssessmentType[];
  precedences: DayPrecedence[];
  staff: DayStaffMember[];
  rooms: DayRoom[];
  patients: DayPatient[];
  pins?: DayPin[];
  /**
   * Replanning: the time the change is made ("now"). What happened before it is pinned;
   * every activity that is not pinned starts at or after this minute.
   */
  replanFromMin?: number;
}

/** The type id used for meals in plans and pins. */
export const MEAL_TYPE_ID = 'meal';
