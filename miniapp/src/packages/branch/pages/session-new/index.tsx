import { useMemo, useState } from 'react';
import { useSubmission } from '@/hooks/use-submission';
import type { SessionCreateInput } from '@/services/types';
import { openFile, pickDocument, sendFile } from '@/adapters/files';
import { replacePage } from '@/adapters/navigation';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { SessionForm } from '@/components/SessionForm';
import { useApi } from '@/hooks/api-context';
import { useMe } from '@/hooks/use-me';
import { useMembers } from '@/hooks/use-members';
import { useBranchSessions } from '@/hooks/use-sessions';
import { useUpload } from '@/hooks/use-upload';
import { ApiError, messageOf } from '@/services/api-error';
import { emptySessionForm, formErrorsFromApi, partyGroupsOf, toSessionInput, type SessionFormErrors, type SessionFormState } from '@/services/session-form';
import { lastPlace } from '@/services/session-list';
import { pages, withQuery } from '@/services/routes';
import { may } from '@/services/permissions';
import { deviceNow } from '@/adapters/clock';

/** Plans a session from its kind's template; on success the session's own page opens. */
export default function SessionNewPage() {
  const api = useApi();
  // One key per new session while the page is open: a double tap or a retry plans it once.
  const creation = useSubmission((a: { branchId: string; input: SessionCreateInput }, key: string) => api.createSession(a.branchId, a.input, key));
  const me = useMe();
  const branchId = me.data?.branchId;
  const sessions = useBranchSessions(branchId);
  const members = useMembers(branchId);
  const upload = useUpload(pickDocument, sendFile);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<SessionFormErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const now = useMemo(() => deviceNow(), []);

  // The form starts once the defaults are known; a failed list only loses the "last place" hint.
  const ready = me.data && !sessions.loading && !members.loading;
  const initial = useMemo(
    () => (ready ? emptySessionForm({ now, secretaryName: me.data?.displayName ?? '', lastPlace: lastPlace(sessions.data ?? []) }) : undefined),
    [ready, now, me.data, sessions.data],
  );

  const submit = async (form: SessionFormState) => {
    const checked = toSessionInput(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('填写的内容有误，请按提示修改');
      return;
    }
    if (!branchId) return setFormError('您的账号还没有所属支部，不能新建组织生活。');
    setErrors({});
    setFormError(undefined);
    setBusy(true);
    try {
      const created = await creation.submit({ branchId, input: checked.value });
      replacePage(withQuery(pages.session, { id: created.id }));
    } catch (e) {
      setErrors(e instanceof ApiError ? formErrorsFromApi(e.fieldMessages()) : {});
      setFormError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <ElderPage title='新建组织生活'>
      <LoadState loading={!ready && !me.error} error={me.error} onRetry={me.reload} />
      {me.data && !may(me.data, 'session.write') ? <Message kind='error' text='只有支部书记可以新建组织生活。' /> : null}
      {initial && may(me.data, 'session.write') ? (
        <SessionForm
          initial={initial}
          now={now}
          partyGroups={partyGroupsOf(members.data ?? [])}
          onSubmit={(f) => void submit(f)}
          onAddAttachment={upload.upload}
          uploadBusy={upload.busy}
          uploadError={upload.error}
          onOpen={(f) => void openFile(f)}
          errors={errors}
          formError={formError}
          busy={busy}
        />
      ) : null}
    </ElderPage>
  );
}
