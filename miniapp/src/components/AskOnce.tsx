import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { messageOf } from '@/services/api-error';
import { BigButton } from './BigButton';
import { ConfirmStep } from './ConfirmStep';

/** A way back in words: its button, the one question, the yes (and while it runs), and the way back from the question. */
export interface AskOnceWords {
  /** On its button: "我能来了", "撤回送学申请". */
  label: string;
  /** What will happen, in one plain sentence, asked once before it does. */
  question: string;
  confirm: string;
  busy: string;
  /** "不撤销". */
  back: string;
}

interface Props {
  words: AskOnceWords;
  /** Does it; a failure's message shows under the question, which stays open for another try. */
  onConfirm: () => Promise<unknown>;
  /** A field the question needs (the member's own words), shown above it. */
  children?: ReactNode;
  disabled?: boolean;
}

/**
 * A change of mind in two taps: a plain button, then one question in plain words with a way back.
 * The caller shows what happened once `onConfirm` resolves (the button goes with what it undid).
 */
export function AskOnce({ words, onConfirm, children, disabled = false }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      setAsking(false);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <BigButton variant='secondary' onClick={() => setAsking(true)} disabled={disabled}>
        {words.label}
      </BigButton>
    );
  }
  return (
    <View>
      {children}
      <ConfirmStep
        text={words.question}
        error={error}
        busy={busy}
        confirmLabel={words.confirm}
        busyLabel={words.busy}
        backLabel={words.back}
        onConfirm={() => void confirm()}
        onBack={() => {
          setAsking(false);
          setError(undefined);
        }}
      />
    </View>
  );
}
