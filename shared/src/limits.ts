/**
 * The limits of what people type and attach: longest texts (in characters, after trimming),
 * most items, number ranges. Declared once here, used by the schemas (shared/src/schemas) and
 * imported by the mini-program's forms, which check the same before sending.
 * No zod here: the mini-program imports this module, and zod must stay out of its bundle.
 */

export const attachmentLimits = {
  /** A file's name, also as the upload form names it. */
  name: 80,
  /** Bytes of one uploaded file. */
  bytes: 10 * 1024 * 1024,
} as const;

export const sessionLimits = {
  topic: 80,
  place: 80,
  hostName: 20,
  recorderName: 20,
  materialText: 5000,
  attachments: 10,
  partyGroup: 20,
  leaveReason: 200,
  reflection: 500,
  /** Attendance lines in one "everyone present": far more than any branch has members. */
  bulkEntries: 500,
  noMinutesReason: 200,
  /** Days one list of a branch's sessions may span (from … to). */
  listDays: 400,
  /** Why a session moved (改期原因): members read it on their home. */
  changeReason: 100,
} as const;

export const minutesLimits = {
  agenda: 2000,
  content: 10000,
  decisions: 5000,
  votes: 2000,
  photos: 20,
} as const;

export const amendmentLimits = {
  reason: 500,
  note: 5000,
} as const;

export const memberLimits = {
  nameMin: 2,
  name: 20,
  partyGroup: sessionLimits.partyGroup,
  committeeRole: 10,
  livingCity: 20,
  address: 100,
  /** Each short care note (best visit time, hearing, eyesight, dialect). */
  careNote: 50,
  careNoteOther: 200,
  emergencyContacts: 3,
  emergencyContactName: 20,
  emergencyContactRelation: 10,
  /** The short note beside a death or departure (e.g. where the membership was transferred to). */
  departureNote: 100,
} as const;

/** The care card (爱心卡): what the member writes on it about their health, in their own words. */
export const careCardLimits = {
  conditions: 100,
  medicines: 100,
} as const;

/** A recorded phone call (已联系): its short note. */
export const callLimits = {
  note: 100,
} as const;

/** Staff invites: the invitee's name, as the staff list and the audit trail show it. */
export const staffLimits = {
  nameMin: 2,
  name: 20,
} as const;

export const visitLimits = {
  note: 200,
  studied: 1000,
  remarks: 1000,
  views: 1000,
  photos: 5,
  cancelReason: 200,
  /** Why a visit moved (改期原因): the member and their family read it on their home. */
  changeReason: 100,
} as const;

export const inspectionLimits = {
  /** Fewest characters of an opinion, an item, an answer or a reason: a single character says nothing. */
  textMin: 2,
  opinion: 2000,
  itemWhat: 500,
  items: 20,
  answer: 2000,
  evidence: 10,
  returnReason: 500,
} as const;

/** 意见反馈: a message and its answer; a message of one character says nothing. */
export const feedbackLimits = {
  textMin: 2,
  text: 1000,
  answer: 1000,
} as const;

export const pointsLimits = {
  /** Points of one entry or rule, either way. */
  entry: 100,
  reasonMin: 2,
  reason: 200,
  reversalReason: 200,
} as const;

/** Roster import from Excel: rows of one file (a branch has far fewer members) and the file's bytes. */
export const rosterLimits = {
  rows: 500,
  bytes: 2 * 1024 * 1024,
} as const;

/** Organisations and branches of the hierarchy: their names, as every list and the audit trail show them. */
export const orgLimits = {
  nameMin: 2,
  name: 40,
} as const;
