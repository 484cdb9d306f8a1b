import { Image, Text, View } from '@tarojs/components';
import type { Ledger } from '@/services/types';
import { absenteeText, attendanceCountsText, coverageText, groupLines, healthLines, livingLines, modeLines, quorumLine, type CountLine } from '@/services/ledger-words';
import { whenText } from '@/services/session-time';
import { kindText } from '@/services/session-words';
import { InfoRow } from './InfoRow';
import { pressable } from '@/adapters/pressable';

function Counts({ title, lines, empty }: { title: string; lines: CountLine[]; empty: string }) {
  return (
    <View>
      <Text className='h2'>{title}</Text>
      {lines.length === 0 ? <Text className='text'>{empty}</Text> : null}
      {lines.map((l) => (
        <InfoRow key={l.label} label={l.label} value={`${l.count} 人`} />
      ))}
    </View>
  );
}

/** 组织设置: the committee by name and role; everything else, health above all, as counts. */
export function SetupSection({ setup }: { setup: Ledger['setup'] }) {
  return (
    <View>
      <Text className='h2'>组织设置</Text>
      <InfoRow label='党员人数' value={`${setup.memberCount} 人`} />
      <Text className='h2'>支部委员会</Text>
      {setup.committee.length === 0 ? <Text className='text'>没有登记支委成员。</Text> : null}
      {setup.committee.map((c) => (
        <InfoRow key={c.name} label={c.role} value={c.name} />
      ))}
      <Counts title='党小组' lines={groupLines(setup.groups)} empty='没有登记党小组。' />
      <Counts title='健康状况（只显示人数）' lines={healthLines(setup.byHealthClass)} empty='没有登记健康状况。' />
      <Counts title='居住情况' lines={livingLines(setup.byLivingSituation)} empty='没有登记居住情况。' />
      <Counts title='参学方式' lines={modeLines(setup.byAttendanceMode)} empty='没有登记参学方式。' />
    </View>
  );
}

/** 组织生活: each session with its attendance in counts, who was absent and why, decisions, who filled it in and who closed it. */
export function LifeSection({ sessions }: { sessions: Ledger['sessions'] }) {
  if (sessions.length === 0) return <Text className='text spaced-top'>本期没有组织生活记录。</Text>;
  return (
    <View>
      <Text className='text spaced-top'>{`本期共 ${sessions.length} 次。`}</Text>
      {sessions.map((s) => {
        const quorum = quorumLine(s.quorumMet);
        return (
          <View key={s.id} className='section'>
            <Text className='row__title'>{`${kindText(s.kind)}：${s.topic}`}</Text>
            <InfoRow label='时间' value={whenText(s.startsAt)} />
            <InfoRow label='地点' value={s.place} />
            <InfoRow label='主持人' value={s.hostName} />
            <InfoRow label='记录人' value={s.recorderName} />
            <Text className='text strong spaced-top'>{attendanceCountsText(s)}</Text>
            <Text className='text'>{coverageText(s.coverage)}</Text>
            {quorum ? <Text className={s.quorumMet ? 'text' : 'text indicator--short'}>{quorum}</Text> : null}
            <Text className='text strong spaced-top'>未出席人员及原因</Text>
            {s.absentees.length === 0 ? <Text className='text'>全部出席。</Text> : null}
            {s.absentees.map((a) => (
              <Text key={a.name} className='text'>
                {absenteeText(a)}
              </Text>
            ))}
            <InfoRow label='决议' value={s.minutes ? s.minutes.decisions || '没有决议' : s.noMinutesReason ? `未填写会议记录，原因：${s.noMinutesReason}` : '还没有填写会议记录'} />
            <InfoRow label='填报人' value={s.filledBy} />
            <InfoRow label='审核归档' value={s.status === 'closed' ? (s.closedBy ?? '已归档') : '未归档'} />
          </View>
        );
      })}
    </View>
  );
}

/** 党员教育: study delivered at home, open and overdue. */
export function EducationSection({ education }: { education: Ledger['education'] }) {
  return (
    <View>
      <Text className='h2'>党员教育（送学上门）</Text>
      <InfoRow label='本期已送学上门' value={`${education.visitsDelivered} 次`} />
      <InfoRow label='尚未办结' value={`${education.visitsOpen} 件`} />
      <InfoRow label='逾期未办' value={education.visitsOverdue ? `✗ ${education.visitsOverdue} 件，已逾期` : '✓ 没有逾期'} />
    </View>
  );
}

/** 党员积分: each member's total for the year the period falls in. */
export function PointsSection({ points, year }: { points: Ledger['points']; year: string }) {
  return (
    <View>
      <Text className='h2'>党员积分</Text>
      <Text className='text text--muted'>{`本期所得，和${year}年截至本期末的累计`}</Text>
      {points.length === 0 ? <Text className='text'>没有党员。</Text> : null}
      {points.map((p) => (
        <InfoRow key={p.memberId} label={p.name} value={`本期 ${p.earned} 分，累计 ${p.total} 分`} />
      ))}
    </View>
  );
}

/** 影像资料: the period's photos, each with where it comes from; a tap opens it large. */
export function PhotosSection({ photos, onOpen }: { photos: Ledger['photos']; onOpen: (photo: { url: string; name: string }) => void }) {
  if (photos.length === 0) return <Text className='text spaced-top'>本期没有影像资料。</Text>;
  return (
    <View className='thumbs'>
      {photos.map((p, i) => (
        <View key={`${p.url}-${i}`} className='thumb'>
          <View className='thumb__frame' {...pressable(() => onOpen(p), `打开第 ${i + 1} 张照片`)}>
            <Image className='thumb__img' src={p.url} mode='aspectFill' />
          </View>
          <Text className='text'>{`第 ${i + 1} 张：${p.source}`}</Text>
        </View>
      ))}
    </View>
  );
}

/** 填报审核记录: who entered or approved what, and when. */
export function AuditSection({ audit }: { audit: Ledger['audit'] }) {
  if (audit.length === 0) return <Text className='text spaced-top'>本期没有填报审核记录。</Text>;
  return (
    <View>
      <Text className='text spaced-top'>{`本期共 ${audit.length} 条，谁填报谁负责，谁审核谁负责。`}</Text>
      {audit.map((a, i) => (
        // Each entry is a whole sentence from the server (time in Beijing, who, what, to whom).
        <View key={`${a.at}-${i}`} className='info'>
          <Text className='text'>{a.sentence}</Text>
        </View>
      ))}
    </View>
  );
}

