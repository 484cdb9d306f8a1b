import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { pickSpreadsheet, sendFile } from '@/adapters/files';
import { goBack } from '@/adapters/navigation';
import { usePageParam } from '@/adapters/page-hooks';
import { downloadRoster } from '@/adapters/roster-files';
import { BigButton } from '@/components/BigButton';
import { ElderPage } from '@/components/ElderPage';
import { LoadState } from '@/components/LoadState';
import { Message } from '@/components/Message';
import { RosterRows } from '@/components/RosterRows';
import { useMe } from '@/hooks/use-me';
import { useRosterImport } from '@/hooks/use-roster-import';
import type { ExportOutcome } from '@/services/inspection-export';
import { may } from '@/services/permissions';
import { healthNotInRoster } from '@ltx/shared/domain/roster';
import { rosterDownloadWords, type RosterDownload } from '@/services/roster-import';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * The secretary's roster import (from the member list): download the template, choose the filled-in file
 * (from a WeChat chat, or from disk in a browser), read the check row by row, confirm, see what was done.
 * Also the branch's roster as a file, in the template's columns.
 */
export default function RosterImportPage() {
  const me = useMe();
  // A secretary's own branch; an administrator comes from the tree page with the branch named.
  const branchId = usePageParam('branch') ?? me.data?.branchId;
  const branchName = usePageParam('name') ?? me.data?.branchName ?? '';
  const flow = useRosterImport(branchId, pickSpreadsheet, sendFile);
  const [downloading, setDownloading] = useState<RosterDownload>();
  const [downloaded, setDownloaded] = useState<ExportOutcome>();
  const result = flow.result;

  const download = async (kind: RosterDownload) => {
    if (!branchId) return;
    setDownloading(kind);
    setDownloaded(undefined);
    try {
      setDownloaded(await downloadRoster({ branchId, branchName }, kind));
    } finally {
      setDownloading(undefined);
    }
  };
  const downloadButton = (kind: RosterDownload) => (
    <BigButton variant='secondary' onClick={() => void download(kind)} disabled={downloading !== undefined}>
      {downloading === kind ? rosterDownloadWords[kind].busy : rosterDownloadWords[kind].button}
    </BigButton>
  );

  if (me.data && (!branchId || !may(me.data, 'roster.import'))) {
    return (
      <ElderPage title='导入花名册'>
        <Text className='text'>只有支部书记和管理员可以导入花名册。</Text>
        <BigButton variant='secondary' onClick={goBack}>返回</BigButton>
      </ElderPage>
    );
  }

  const toApply = result ? result.counts.create + result.counts.update : 0;
  return (
    <ElderPage title={branchName ? `导入花名册：${branchName}` : '导入花名册'}>
      <LoadState loading={me.loading} error={me.error} onRetry={me.reload} />
      <Text className='text'>{healthNotInRoster}</Text>

      {/* Shown once the branch is known: a tap before that would have nowhere to send the file. */}
      {flow.step === 'choose' && branchId ? (
        <View className='section'>
          <Text className='text'>第一步：下载模板，在电脑上用 Excel 按“填写说明”填好，每位党员一行。</Text>
          {downloadButton('template')}
          <Text className='text spaced-top'>第二步：{isH5 ? '选择填好的 Excel 文件。' : '把填好的文件发到微信聊天里，再从聊天中选择它。'}</Text>
          <BigButton onClick={() => void flow.choose()}>选择填好的花名册文件</BigButton>
          <Text className='text'>选择后会先逐行检查，确认后才导入。</Text>
        </View>
      ) : null}

      {flow.step === 'checking' ? <Text className='text text--large'>正在上传并逐行检查，请稍候……</Text> : null}
      {flow.step === 'applying' ? <Text className='text text--large'>正在导入，请稍候……</Text> : null}

      {result && (flow.step === 'checked' || flow.step === 'confirmSkip') ? (
        <View className='section'>
          <Text className='h2'>检查结果</Text>
          <Text className='text text--large'>{result.summaryText}</Text>
          {result.clean && toApply > 0 ? <BigButton onClick={() => void flow.apply(false)}>确认导入（新建 {result.counts.create} 人，更新 {result.counts.update} 人）</BigButton> : null}
          {result.clean && toApply === 0 ? <Text className='text'>文件里的党员都已登记，信息相同，不需要导入。</Text> : null}
          {!result.clean ? (
            <Text className='text'>有 {result.counts.error} 行有错误（见下面红字）。请改正后重新选择文件；也可以只导入没有错误的行。</Text>
          ) : null}
          {!result.clean && toApply > 0 && flow.step === 'checked' ? (
            <BigButton variant='secondary' onClick={flow.askSkip}>只导入没有错误的 {toApply} 人</BigButton>
          ) : null}
          {flow.step === 'confirmSkip' ? (
            <View className='section section--confirm'>
              <Text className='text text--large'>确定只导入没有错误的行吗？有错误的 {result.counts.error} 行不会导入，改正后可以再导入。</Text>
              <BigButton onClick={() => void flow.apply(true)}>确定导入 {toApply} 人</BigButton>
              <BigButton variant='secondary' onClick={flow.cancelSkip}>不导入，返回</BigButton>
            </View>
          ) : null}
          <Message kind='error' text={flow.error} />
          <BigButton variant='secondary' onClick={flow.restart}>重新选择文件</BigButton>
          <RosterRows rows={result.rows} />
        </View>
      ) : null}

      {result && flow.step === 'applied' ? (
        <View className='section'>
          <Message kind='ok' text={result.applied?.text} />
          <RosterRows rows={result.rows.filter((r) => r.skippedText || r.outcome === 'create' || r.outcome === 'update')} />
          <BigButton onClick={goBack}>返回党员名单</BigButton>
          <BigButton variant='secondary' onClick={flow.restart}>再导入一个文件</BigButton>
        </View>
      ) : null}

      {flow.step === 'choose' ? <Message kind='error' text={flow.error} /> : null}

      <View className='section'>
        <Text className='h2'>导出花名册</Text>
        <Text className='text'>导出的表与模板的列相同，改好后可以再导入。</Text>
        {may(me.data, 'roster.export') ? downloadButton('export') : null}
        <Message kind={downloaded?.ok ? 'ok' : 'error'} text={downloaded?.message} />
      </View>
      {flow.step !== 'applied' ? <BigButton variant='secondary' onClick={goBack}>返回党员名单</BigButton> : null}
    </ElderPage>
  );
}
