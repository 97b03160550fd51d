/**
 * The outreach day (care-home outreach): the ICC's assessment taken to residents of care homes.
 * A team leaves the centre, drives between homes, assesses each resident in their own room
 * (always available) or a home's shared room (a lounge or quiet room, with a capacity), and
 * returns for the MDT or joins it remotely. A plain, JSON-serialisable document; times are
 * integer minutes from local midnight of `date`, as for the ICC day.
 */
import type { DayAssessmentType, DayPin, DayPrecedence, DayStaffMember, MinuteWindow, RequiredAssessment } from '../model/day-problem.ts';
import type { TravelSource } from '../routing/build-travel.ts';

/** A catalogue type as taken out to homes. */
export interface OutreachAssessmentType extends DayAssessmentType {
  /**
   * Where it happens at the home: the resident's own room (default for one-to-one), or a
   * shared room (group sessions always; one-to-one types that need the space).
   */
  roomAtHome?: 'own-room' | 'shared-room';
}

export interface OutreachSharedRoom {
  id: string;
  name: string;
  /** Activities at once (a lounge hosting a group session counts it as one). */
  capacity: number;
}

export interface OutreachHome {
  id: string;
  name: string;
  address?: string;
  postcode?: string;
  lat?: number;
  lon?: number;
  /** Activities lie wholly inside the home's visiting hours. */
  visitingHours: MinuteWindow;
  sharedRooms: OutreachSharedRoom[];
}

export interface OutreachResident {
  id: string;
  /** Local reference shown instead of the name (information governance). */
  ref: string;
  initials: string;
  homeId: string;
  /** Weight of each unplaced assessment (from eFI, wait and urgency); ≥ 1. */
  priority: number;
  required: RequiredAssessment[];
  /** Hard: the resident can be seen only inside this window (default: the home's visiting hours). */
  available?: MinuteWindow;
}

/** An ICC day's staff member (qualifications, shift, breaks, MDT membership), taken out to the homes. */
export interface OutreachStaffMember extends DayStaffMember {
  /** Replanning: off sick from this minute (visits end by then; they go home, not back to the centre). */
  offSickFromMin?: number;
}

export interface OutreachCentre {
  id: string;
  name: string;
  lat?: number;
  lon?: number;
  /** The day's MDT meeting at the centre; every assessment ends by its start. */
  mdt: { startMin: number; durationMin: number };
  /** 'return': MDT members who saw a resident are back at the centre by its start; 'remote': they join from the field. */
  mdtMode: 'return' | 'remote';
  /** Most homes visited in the day (the team's capacity). */
  maxHomes: number;
  /** A resident moving between their own room and a shared room needs this gap. */
  transferMin: number;
}

/**
 * A pin (coordinator's, or "already happened" when replanning): this resident's visit of this
 * type, fixed — an ICC day's pin (start, staff, room, an overrun's duration) naming a resident.
 */
export interface OutreachPin extends Omit<DayPin, 'patientId'> {
  residentId: string;
}

export interface OutreachProblem {
  date: string;
  centre: OutreachCentre;
  assessmentTypes: OutreachAssessmentType[];
  /**
   * The ICC day's precedence rules, same semantics. A rule whose `before` is a diagnostic
   * with a lag (bloods) counts the lag from when the sample reaches the centre's lab:
   * the end of the sampling plus the drive from the home to the centre.
   */
  precedences: DayPrecedence[];
  staff: OutreachStaffMember[];
  homes: OutreachHome[];
  residents: OutreachResident[];
  /** Travel between the centre and the homes: a matrix over [centre, ...homes] in that order, or coordinates. */
  travel?: TravelSource;
  pins?: OutreachPin[];
  /** Replanning: nothing unpinned starts before this minute. */
  replanFromMin?: number;
}

/** The resident's own room, as a room id in plans. */
export function ownRoomId(residentId: string): string {
  return `own-room:${residentId}`;
}
