import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { usePageParam } from '@/adapters/page-hooks';
import { startSession } from '@/adapters/session';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { Message } from '@/components/Message';
import { PrivacyPolicyLink } from '@/components/PrivacyPolicyLink';
import { useApi } from '@/hooks/api-context';
import { ApiError } from '@/services/api-error';
import { normaliseInviteCode, inviteCodeProblem } from '@/services/invite-code';

/** A new WeChat user types the 6-character code the branch secretary gave them. */
export default function BindPage() {
  const api = useApi();
  // An invite sent as a link (pages/bind/index?code=…) arrives with its code filled in.
  const invited = usePageParam('code');
  const [code, setCode] = useState(() => normaliseInviteCode(invited ?? ''));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problem = inviteCodeProblem(code);
    setFieldError(problem);
    setError(undefined);
    if (problem) return;
    setBusy(true);
    try {
      startSession(await api.bind(code));
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldMessages() : {};
      setFieldError(fields.inviteCode);
      setError(fields.inviteCode ? undefined : e instanceof ApiError ? e.message : '绑定失败，请稍后再试');
      setBusy(false);
    }
  };

  return (
    <ElderPage title='绑定党员档案'>
      <Text className='text'>请输入支部书记或管理员给您的 6 位邀请码（字母或数字）。</Text>
      <View className='field'>
        <Text className='field__label'>邀请码</Text>
        <Input
          className={fieldError ? 'input input--code input--error' : 'input input--code'}
          value={code}
          maxlength={6}
          placeholder='如 AB12CD'
          onInput={(e) => {
            const next = normaliseInviteCode(e.detail.value);
            setCode(next);
            return next;
          }}
        />
        <Message kind='error' text={fieldError} />
      </View>
      <Message kind='error' text={error} />
      <BigButton onClick={() => void submit()} disabled={busy}>
        {busy ? '正在绑定……' : '绑定'}
      </BigButton>
      <PrivacyPolicyLink />
    </ElderPage>
  );
}
