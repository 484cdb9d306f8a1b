import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { AttendanceEntry, AttendanceInput, MemberSession } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { KeptOnPhone } from '@/services/pending-queue';
import { leaveInput } from '@/services/attendance-board';
import { hasStarted, offersOnlineStudy, speechTextFor } from '@/services/next-session';
import { clockText, sessionDateText } from '@/services/session-time';
import { changeWords, kindText, myStatusText, withdrawableOf, withdrawWords, type WithdrawableStatus } from '@/services/session-words';
import { speakerFor } from '@/services/speaker';
import type { Speech } from '@/adapters/speech';
import { AttachmentLinks, type OpenableFile } from './Attachments';
import { BigButton } from './BigButton';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';
import { leaveReasonPicks } from '@ltx/shared/labels';
import { sessionLimits } from '@ltx/shared/limits';
import { ChoiceField } from './ChoiceField';
import { deviceNow } from '@/adapters/clock';
import { AskOnce } from './AskOnce';
import { ConfirmStep } from './ConfirmStep';

interface Props {
  session: MemberSession;
  /** The member's own line (status with reason or reflection), if anything is recorded. */
  mine: AttendanceEntry | undefined;
  attendanceMode: string | undefined;
  /** Records leave or online study for the member; resolves with the new line. */
  onReport: (input: AttendanceInput) => Promise<AttendanceEntry | undefined>;
  /** Takes back the member's own leave or 我已学习; resolves with the line as it is then. */
  onWithdraw: (status: WithdrawableStatus) => Promise<AttendanceEntry | undefined>;
  onOpenFile: (file: OpenableFile) => Promise<boolean>;
  /** "请支部送学上门". */
  onAskVisit: () => void;
  speech: Speech;
  /** The clock, for whether the session has started ("我已学习" waits for it). */
  now?: () => Date;
  /** The elder's name when a family proxy is signed in: the card then says "王建国来不了", not "我来不了". */
  proxyFor?: string;
}

type Panel = 'none' | 'cannot-come' | 'leave' | 'studied';

const ownReason = '其他';
const leaveReasonChoices = [...leaveReasonPicks, ownReason].map((r) => ({ value: r, label: r === ownReason ? '其他（自己写）' : r }));

/** The member's next study in large type, with reading aloud, leave, and "I studied online". */
export function NextSessionCard({ session, mine, attendanceMode, onReport, onWithdraw, onOpenFile, onAskVisit, speech, now = deviceNow, proxyFor }: Props) {
  const who = speakerFor(proxyFor);
  const ways = withdrawWords(who);
  const [panel, setPanel] = useState<Panel>('none');
  const [reason, setReason] = useState('');
  const [reasonPick, setReasonPick] = useState('');
  const [reflection, setReflection] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [line, setLine] = useState(mine);
  useEffect(() => setLine(mine), [mine]);
  /** A different status over the recorded one, waiting for the member's yes (nothing is replaced unasked). */
  const [change, setChange] = useState<AttendanceInput | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const closed = session.status === 'closed';
  // A line taken back is null: the list's status from before must not come back in its place.
  const status = line ? line.status : session.myStatus;
  const withdrawable = withdrawableOf(status, closed);
  const statusWords = myStatusText(status, line?.reason, line?.reflection, who);
  const online = offersOnlineStudy(session, attendanceMode);

  const send = async (input: AttendanceInput) => {
    if (status && status !== input.status && input.replaces === undefined) return setChange(input);
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setLine((await onReport(input)) ?? { memberId: '', memberName: '', status: input.status, ...(input.reason ? { reason: input.reason } : {}), ...(input.reflection ? { reflection: input.reflection } : {}) });
      setPanel('none');
      setChange(undefined);
    } catch (e) {
      if (e instanceof KeptOnPhone) {
        // No network: the leave waits on the phone (待上传) and goes by itself; said calmly, not as an error.
        setPanel('none');
        setChange(undefined);
        setDone(`${e.message}。`);
      } else setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const submitLeave = () => {
    // One tap on a reason is enough; only "其他" asks for typing.
    if (!reasonPick) return setFieldError('请假原因：请点一个原因，或点“其他”自己写');
    const checked = leaveInput(reason);
    setFieldError(checked.ok ? undefined : checked.error);
    if (checked.ok) void send(checked.input);
  };

  const submitStudied = () => {
    const text = reflection.trim();
    if (text.length > 500) return setFieldError('学习体会：最多 500 个字');
    setFieldError(undefined);
    void send({ status: 'online', ...(text ? { reflection: text } : {}) });
  };

  const open = (p: Panel) => {
    setPanel(panel === p ? 'none' : p);
    setFieldError(undefined);
    setError(undefined);
    setChange(undefined);
  };

  const withdraw = async (what: WithdrawableStatus) => {
    setLine((await onWithdraw(what)) ?? { memberId: '', memberName: '', status: null });
    setPanel('none');
    setDone(ways[what].done);
  };

  const asked = change && status ? changeWords(status, change.status, who) : undefined;

  return (
    <View className='next-session'>
      <Text className='next-session__kind'>{kindText(session.kind)}</Text>
      <Text className='next-session__when'>{sessionDateText(session.startsAt)}</Text>
      <Text className='next-session__when'>{clockText(session.startsAt)}</Text>
      <Text className='next-session__fact'>地点：{session.place}</Text>
      <Text className='next-session__fact'>主题：{session.topic}</Text>

      <ReadAloud speech={speech} text={speechTextFor(session)} />

      {statusWords ? <Text className='banner banner--status'>{statusWords}</Text> : null}
      <Message kind='ok' text={done} />
      {withdrawable ? (
        <AskOnce key={withdrawable} words={ways[withdrawable]} onConfirm={() => withdraw(withdrawable)} />
      ) : null}

      <Text className='h2'>学习材料</Text>
      {session.materialText ? <Text className='text text--large material'>{session.materialText}</Text> : <Text className='text'>这次没有文字材料。</Text>}
      <AttachmentLinks files={session.attachments} onOpen={onOpenFile} />

      {closed ? <Text className='text spaced-top'>这次学习的记录已经归档。</Text> : null}
      {!closed ? (
        <View>
          <BigButton variant={panel === 'cannot-come' || panel === 'leave' ? 'selected' : 'secondary'} onClick={() => open('cannot-come')}>
            {who.i}来不了
          </BigButton>
          {panel === 'cannot-come' || panel === 'leave' ? (
            <View className='section'>
              <Text className='text'>{who.you}可以请假，也可以请支部派人上门送学：</Text>
              <BigButton variant={panel === 'leave' ? 'selected' : 'secondary'} onClick={() => setPanel(panel === 'leave' ? 'cannot-come' : 'leave')}>
                请假
              </BigButton>
              {panel === 'leave' ? (
                <View>
                  <ChoiceField
                    label='请假原因'
                    choices={leaveReasonChoices}
                    value={reasonPick}
                    onChange={(pick) => {
                      setReasonPick(pick);
                      setReason(pick === ownReason ? '' : pick);
                    }}
                    error={reasonPick === ownReason ? undefined : fieldError}
                  />
                  {reasonPick === ownReason ? (
                    <TextAreaField label='请写下原因' hint='如：腿脚不便，走不了远路' value={reason} maxlength={sessionLimits.leaveReason} onChange={setReason} error={fieldError} />
                  ) : null}
                  <BigButton onClick={submitLeave} disabled={busy}>
                    {busy ? '正在提交……' : '提交请假'}
                  </BigButton>
                </View>
              ) : null}
              <BigButton variant='secondary' onClick={onAskVisit}>
                请支部送学上门
              </BigButton>
            </View>
          ) : null}

          {online && !hasStarted(session, now()) ? (
            <View>
              <BigButton variant='secondary' disabled onClick={() => {}}>
                {who.i}已学习：开始后才能点
              </BigButton>
              <Text className='text text--muted'>学习开始以后（{sessionDateText(session.startsAt)} {clockText(session.startsAt)}），看过或听过材料，再点“{who.i}已学习”。</Text>
            </View>
          ) : null}
          {online && hasStarted(session, now()) ? (
            <View>
              <BigButton variant={panel === 'studied' ? 'selected' : 'secondary'} onClick={() => open('studied')}>
                {who.i}已学习
              </BigButton>
              {panel === 'studied' ? (
                <View className='section'>
                  <Text className='text'>看过或听过学习材料后，点“提交”就算参加了这次学习。</Text>
                  <TextAreaField label='学习体会（可以不填）' value={reflection} maxlength={sessionLimits.reflection} onChange={setReflection} error={fieldError} />
                  <BigButton onClick={submitStudied} disabled={busy}>
                    {busy ? '正在提交……' : '提交'}
                  </BigButton>
                </View>
              ) : null}
            </View>
          ) : null}
          {change && asked ? (
            <ConfirmStep
              text={asked.question}
              error={error}
              busy={busy}
              confirmLabel={asked.confirm}
              busyLabel='正在提交……'
              backLabel='不改了'
              onConfirm={() => void send({ ...change, replaces: status })}
              onBack={() => setChange(undefined)}
            />
          ) : (
            <Message kind='error' text={error} />
          )}
        </View>
      ) : null}
    </View>
  );
}

/** "读给我听": reads the card aloud where the phone can (browser voices on H5, WeChat's plugin in the mini-program); absent where it cannot. */
export function ReadAloud({ speech, text }: { speech: Speech; text: string }) {
  const [available, setAvailable] = useState(() => speech.available());
  const [speaking, setSpeaking] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setAvailable(speech.available());
    const stop = speech.watch(() => setAvailable(speech.available()));
    return () => {
      stop();
      speech.stop();
    };
  }, [speech]);

  // Where nothing can speak there is no button: a dead one would take the spot of what the member can do.
  if (!available) return null;
  const toggle = () => {
    if (speaking) {
      speech.stop();
      setSpeaking(false);
      return;
    }
    setFailed(false);
    const started = speech.speak(text, {
      onEnd: () => setSpeaking(false),
      onError: () => {
        setSpeaking(false);
        setFailed(true);
      },
    });
    setSpeaking(started);
    if (!started) setAvailable(false);
  };
  return (
    <View>
      <BigButton variant={speaking ? 'selected' : 'secondary'} onClick={toggle}>
        {speaking ? '正在朗读，点这里停止' : '读给我听'}
      </BigButton>
      <Message kind='error' text={failed ? '朗读没有成功：本机的朗读功能暂时用不了' : undefined} />
    </View>
  );
}
