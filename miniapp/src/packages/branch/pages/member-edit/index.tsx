import { useState } from 'react';
import { useSubmission } from '@/hooks/use-submission';
import type { MemberCreateInput } from '@/services/types';
import { goBack, replacePage } from '@/adapters/navigation';
import { usePageParam } from '@/adapters/page-hooks';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { MemberForm } from '@/components/MemberForm';
import { useApi } from '@/hooks/api-context';
import { useMe } from '@/hooks/use-me';
import { useMember } from '@/hooks/use-member';
import { ApiError, messageOf } from '@/services/api-error';
import { emptyMemberForm, memberFormFrom, toCreateInput, toPatchInput, type FieldErrors, type MemberFormState } from '@/services/member-form';
import { pages, withQuery } from '@/services/routes';
import { may } from '@/services/permissions';

interface Outcome {
  errors: FieldErrors;
  formError?: string;
  okMessage?: string;
  conflict?: boolean;
}

const noOutcome: Outcome = { errors: {} };

/** Adds a member (no id) or edits one (?id=...). */
export default function MemberEditPage() {
  const api = useApi();
  // One key per new member while the page is open: a double tap or a retry adds the member once.
  const creation = useSubmission((a: { branchId: string; input: MemberCreateInput }, key: string) => api.createMember(a.branchId, a.input, key));
  const id = usePageParam('id');
  const me = useMe();
  const member = useMember(id);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(noOutcome);

  const fail = (e: unknown) =>
    setOutcome({
      errors: e instanceof ApiError ? e.fieldMessages() : {},
      formError: messageOf(e),
      conflict: e instanceof ApiError && e.code === 'CONFLICT',
    });

  const create = async (form: MemberFormState) => {
    const branchId = me.data?.branchId;
    const input = toCreateInput(form);
    if (!input.ok) return setOutcome({ errors: input.errors, formError: '填写的内容有误，请按提示修改' });
    if (!branchId) return setOutcome({ errors: {}, formError: '您的账号还没有所属支部，不能新增党员。' });
    setBusy(true);
    try {
      const created = await creation.submit({ branchId, input: input.value });
      replacePage(withQuery(pages.memberDetail, { id: created.id }));
    } catch (e) {
      fail(e);
      setBusy(false);
    }
  };

  const update = async (form: MemberFormState) => {
    const original = member.data;
    if (!id || !original) return;
    const patch = toPatchInput(form, original);
    if (!patch.ok) return setOutcome({ errors: patch.errors, formError: '填写的内容有误，请按提示修改' });
    if (!patch.value) return setOutcome({ errors: {}, okMessage: '没有修改任何内容。' });
    setBusy(true);
    try {
      const result = await api.updateMember(id, patch.value);
      if (result.kind === 'saved') return goBack();
      setOutcome({ errors: {}, okMessage: '已提交，等支部书记审核同意后生效。' });
    } catch (e) {
      fail(e);
    }
    setBusy(false);
  };

  if (!id) {
    return (
      <ElderPage title='新增党员'>
        <MemberForm initial={emptyMemberForm()} submitLabel='保存' onSubmit={(f) => void create(f)} busy={busy} {...outcome} />
      </ElderPage>
    );
  }

  const m = member.data;
  // The secretary saves directly; a paired contact's change waits for the secretary's approval.
  const editsDirectly = may(me.data, 'member.update');
  return (
    <ElderPage title={m ? `修改：${m.name}` : '修改党员信息'}>
      <LoadState loading={member.loading && !m} error={member.error} onRetry={member.reload} />
      {m ? (
        // Keyed by version: loading the newest record after a conflict starts the form afresh.
        <MemberForm
          key={m.version}
          initial={memberFormFrom(m)}
          submitLabel={editsDirectly ? '保存修改' : '提交修改，等书记审核'}
          onSubmit={(f) => void update(f)}
          busy={busy}
          {...outcome}
        />
      ) : null}
      {outcome.conflict ? (
        <BigButton
          variant='secondary'
          onClick={() => {
            setOutcome(noOutcome);
            member.reload();
          }}
        >
          载入最新内容（您刚才的修改需要重新填写）
        </BigButton>
      ) : null}
    </ElderPage>
  );
}
