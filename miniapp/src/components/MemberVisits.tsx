import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { VisitRequest } from '@/services/types';
import { messageOf } from '@/services/api-error';
import { confirmedText, memberMayConfirm, memberMaySayMissed, memberMayWithdraw, memberVisitLine, visitWayBackWords } from '@/services/visit-words';
import { visitLimits } from '@ltx/shared/limits';
import { speakerFor } from '@/services/speaker';
import { AskOnce } from './AskOnce';
import { BigButton } from './BigButton';
import { Message } from './Message';
import { TextAreaField } from './TextAreaField';

interface Props {
  visits: readonly VisitRequest[];
  /** "确认已送学": one tap, no second question. */
  onConfirm: (requestId: string) => Promise<unknown>;
  /** "撤回送学申请", before the visit is delivered. */
  onWithdraw: (requestId: string) => Promise<unknown>;
  /** "没有人来" on a delivered visit, with the member's own words (may be empty). */
  onMissed: (requestId: string, note: string) => Promise<unknown>;
  /** The elder's name when their family proxy is signed in: "支部已记为王建国参加了这次学习". */
  proxyFor?: string;
}

/**
 * The member's (or proxy's) open 送学上门 requests, each in words; a delivered one asks for one tap to
 * confirm, or "没有人来". A request not yet delivered can be withdrawn. Each way back asks once.
 */
export function MemberVisits({ visits, onConfirm, onWithdraw, onMissed, proxyFor }: Props) {
  const who = speakerFor(proxyFor);
  const [busy, setBusy] = useState<string | undefined>();
  /** What happened to each request acted on here, in words: it leaves the list with its message. */
  const [done, setDone] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ id: string; text: string } | undefined>();
  const [note, setNote] = useState('');

  const confirm = async (id: string) => {
    setBusy(id);
    setError(undefined);
    try {
      await onConfirm(id);
      setDone((d) => ({ ...d, [id]: confirmedText(who) }));
    } catch (e) {
      setError({ id, text: messageOf(e) });
    } finally {
      setBusy(undefined);
    }
  };

  const wayBack = (id: string, run: () => Promise<unknown>, text: string) => async () => {
    await run();
    setDone((d) => ({ ...d, [id]: text }));
  };

  if (visits.length === 0 && Object.keys(done).length === 0) return null;
  const { withdraw, missed } = visitWayBackWords;
  return (
    <View>
      {visits.map((v) =>
        done[v.id] ? null : (
          <View key={v.id} className='section section--visit'>
            <Text className='text text--large strong'>{memberVisitLine(v)}</Text>
            {v.missed?.note ? <Text className='text'>告诉支部的话：{v.missed.note}</Text> : null}
            {memberMayConfirm(v) ? (
              <BigButton onClick={() => void confirm(v.id)} disabled={busy !== undefined}>
                {busy === v.id ? '正在确认……' : '确认已送学'}
              </BigButton>
            ) : null}
            {memberMaySayMissed(v) ? (
              <AskOnce words={missed} onConfirm={wayBack(v.id, () => onMissed(v.id, note.trim()), missed.done)} disabled={busy !== undefined}>
                <TextAreaField label={missed.noteLabel} hint={missed.noteHint} value={note} maxlength={visitLimits.note} onChange={setNote} />
              </AskOnce>
            ) : null}
            {memberMayWithdraw(v) ? <AskOnce words={withdraw} onConfirm={wayBack(v.id, () => onWithdraw(v.id), withdraw.done)} /> : null}
            <Message kind='error' text={error?.id === v.id ? error.text : undefined} />
          </View>
        ),
      )}
      {Object.entries(done).map(([id, text]) => (
        <Message key={id} kind='ok' text={text} />
      ))}
    </View>
  );
}
