import { sessionKindLabels } from '../labels';
import type { SignoffCheck, SignoffCheckItem } from '../schemas/inspection';
import type { SessionKind } from '../schemas/session';
import type { VisitStatus } from '../schemas/visit';
import { lastDayOf, parsePeriod, periodEnded, periodWords, type Period } from './periods';
import { dateWords } from '../wording/time-words';
import { chinaDay, chinaDayStart } from '../time/china-day';
import { visitStatusLabels } from './visit-rules';

/** Kinds whose record needs minutes (会议记录): every meeting; a collective study keeps attendance only. */
export const minutesRequiredKinds: readonly SessionKind[] = [
  'branch_general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'organisational_life_meeting', 'democratic_appraisal',
];

const rectificationWords = { open: '待整改', answered: '已答复，待督导审核', returned: '已退回，需重新整改' } as const;

export interface CheckInput {
  branchId: string;
  period: Period;
  now: Date;
  signedOff: boolean;
  /** Sessions that started in the period. */
  sessions: { id: string; kind: SessionKind; topic: string; startsAt: string; status: 'open' | 'closed'; minutes?: { content: string; decisions: string; agenda: string }; noMinutesReason?: string }[];
  /** Each kind the rules require in this period: how many it requires and how many were held in it. */
  meetings?: { kind: SessionKind; required: number; held: number }[];
  /** The branch's rectification items not yet accepted, of every period. */
  openItems: { id: string; period: string; what: string; deadline: string; status: 'open' | 'answered' | 'returned' | 'accepted' }[];
  /** The branch's open 送学上门 requests. */
  openVisits: { id: string; memberName: string; status: VisitStatus; createdAt: string; sessionTopic?: string }[];
}

/**
 * What a period's sign-off would lock while still missing, in words: a period not yet over blocks the
 * sign-off outright; each missing record is an item the inspector may acknowledge by its key to sign anyway.
 */
export function signoffCheck(input: CheckInput): SignoffCheck {
  const { period, now } = input;
  const lastDay = lastDayOf(period);
  const ended = periodEnded(period, now);
  const today = chinaDay(now.toISOString());
  // Dates as the inspector reads them today: the year only when it is not this year.
  const day = (d: string) => dateWords(d, { today });
  const blockers = [
    ...(ended ? [] : [`${periodWords(period.text)}还没有结束（到${day(lastDay)}为止），结束后才能签字`]),
    ...(input.signedOff ? [`${periodWords(period.text)}已经签字`] : []),
  ];
  const sessionName = (s: CheckInput['sessions'][number]) => `${sessionKindLabels[s.kind]}「${s.topic}」（${day(chinaDay(s.startsAt))}）`;
  const hasMinutes = (s: CheckInput['sessions'][number]) => !!s.minutes && [s.minutes.agenda, s.minutes.content, s.minutes.decisions].some((t) => t.trim() !== '');
  const sessions = [...input.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const items: SignoffCheckItem[] = [
    // Meetings the rules require that were not held: what the book lacks most.
    ...(input.meetings ?? [])
      .filter((m) => m.held < m.required)
      .map((m) => ({
        key: `meeting:${m.kind}`, kind: 'meeting_short' as const,
        text: `${sessionKindLabels[m.kind]}：${periodWords(period.text)}应开 ${m.required} 次，只开了 ${m.held} 次`,
      })),
    ...sessions.filter((s) => s.status === 'open').map((s) => ({ key: `session-open:${s.id}`, kind: 'session_open' as const, text: `${sessionName(s)}未归档` })),
    ...sessions
      .filter((s) => minutesRequiredKinds.includes(s.kind) && !hasMinutes(s))
      .map((s) => ({
        key: `minutes:${s.id}`, kind: 'minutes_missing' as const,
        text: `${sessionName(s)}没有会议记录${s.noMinutesReason ? `（归档时说明的原因：${s.noMinutesReason}）` : ''}`,
      })),
    // Items of this period or earlier ones: what the branch still owes when this book closes.
    ...input.openItems
      .filter((i) => i.status !== 'accepted' && (parsePeriod(i.period)?.start ?? '') < period.end)
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
      .map((i) => ({
        key: `rectification:${i.id}`, kind: 'rectification_open' as const,
        text: `整改事项「${i.what}」${rectificationWords[i.status as keyof typeof rectificationWords]}，${i.deadline < today ? `已逾期（期限${day(i.deadline)}）` : `期限${day(i.deadline)}`}`,
      })),
    // Requests made by the period's end and still open.
    ...input.openVisits
      .filter((v) => v.createdAt < chinaDayStart(period.end))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((v) => ({ key: `visit:${v.id}`, kind: 'visit_open' as const, text: `送学上门：${v.memberName}${v.sessionTopic ? `学习「${v.sessionTopic}」` : ''}的申请（${day(chinaDay(v.createdAt))}）${visitStatusLabels[v.status]}，尚未完成` })),
  ];
  return { branchId: input.branchId, period: period.text, lastDay, ended, signedOff: input.signedOff, blockers, items };
}
