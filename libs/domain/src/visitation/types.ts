import { type LocalDate } from '../calendar/local-date';
import { type SchoolRegion } from '../calendar/school-holidays';

/**
 * A visitatieprogramma (docs/domain.md §3, source 001 §6.2): for one school year, visiting
 * teams are paired with hosts and every visit gets a date. An audit judges, a collegial
 * visitation is about learning from each other; the schedule rules are the same for both.
 */
export type VisitationKind = 'collegiale-visitatie' | 'audit';

export const VISITATION_KINDS: readonly VisitationKind[] = ['collegiale-visitatie', 'audit'];

/** What is visited: a school, one location of a school, or a process of the SWV ('TLV-route vso'). */
export type HostKind = 'school' | 'location' | 'process';

export const HOST_KINDS: readonly HostKind[] = ['school', 'location', 'process'];

export interface VisitationHost {
  id: string;
  name: string;
  kind: HostKind;
  /**
   * The school this host is or belongs to (a location's school). Nobody from this school
   * visits it, and it is the unit of the reciprocity rule: if people of school A visit a host
   * of school B, people of B visit no host of A in the same programme. A process of the SWV
   * has no school and is its own unit.
   */
  schoolId?: string;
  /** The host's board (schoolbestuur): nobody of the same board visits it. */
  boardId?: string;
  /** The SWV the host belongs to (a joint programme spans two or more). */
  swvId?: string;
  /** The school-holiday region of the host: no visit in its school holidays. */
  region: SchoolRegion;
  /** Dates the host cannot receive a visit (a study day, exams). */
  unavailable?: LocalDate[];
  /**
   * People who may not visit this host although no school or board ties them to it, e.g. the
   * owners of a process of the SWV or someone with a conflict of interest.
   */
  excludedVisitorIds?: string[];
}

export interface Visitor {
  id: string;
  name: string;
  /** The visitor's own school (none for e.g. staff of the SWV's office). */
  schoolId?: string;
  boardId?: string;
  /** The visitor's SWV: in a joint programme, visitors also come from a partner SWV. */
  swvId?: string;
  /** Trained to chair a visit (a chair must be marked as trained). */
  trainedChair: boolean;
  /** Days the visitor marked unavailable. */
  unavailable?: LocalDate[];
  /** At most this many visits for this visitor (when lower than the programme's maximum). */
  maxVisits?: number;
}

/** A visit window, both ends inclusive (e.g. October–March). */
export interface VisitWindow {
  start: LocalDate;
  end: LocalDate;
}

export interface VisitationInstance {
  /** The programme's own id (for messages and logs only). */
  programmeId?: string;
  /** '2026-2027': the school year whose holidays apply. */
  schoolYear: string;
  kind: VisitationKind;
  /** The playbook (draaiboek) the visits follow, by reference. */
  playbook: string;
  hosts: VisitationHost[];
  visitors: Visitor[];
  /** Team size including the one chair: size 3 is a chair and two members. */
  teamSize: number;
  windows: VisitWindow[];
  /** How many visits one visitor may make in this programme. */
  maxVisitsPerVisitor: number;
}

export type TeamRole = 'chair' | 'member';

export interface TeamSeat {
  visitorId: string;
  role: TeamRole;
}

/** Exactly one visit per host; the host's id is the visit's id. */
export interface ScheduledVisit {
  hostId: string;
  date: LocalDate;
  team: TeamSeat[];
}

export interface Schedule {
  visits: ScheduledVisit[];
}

/**
 * What the secretariat fixed before a re-solve: a host's date, or a person in a host's team
 * (with the role when it matters).
 */
export type ScheduleLock =
  | { kind: 'date'; hostId: string; date: LocalDate }
  | { kind: 'seat'; hostId: string; visitorId: string; role?: TeamRole };
