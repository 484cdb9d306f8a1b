import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { exportWords, type ExportFormat, type ExportOutcome } from '@/services/inspection-export';
import { BigButton } from './BigButton';
import { Message } from './Message';

/** "导出 Excel" and "打印版": the outcome is said in words under the buttons. */
export function ExportPanel({ onExport }: { onExport: (format: ExportFormat) => Promise<ExportOutcome> }) {
  const [busy, setBusy] = useState<ExportFormat | undefined>();
  const [outcome, setOutcome] = useState<ExportOutcome | undefined>();
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setOutcome(undefined);
    try {
      setOutcome(await onExport(format));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <View>
      <Text className='text'>Excel 每个部分一张表；打印版是一页可直接打印的台账。</Text>
      {(['xlsx', 'pdf'] as const).map((f) => (
        <BigButton key={f} variant='secondary' onClick={() => void run(f)} disabled={busy !== undefined}>
          {busy === f ? exportWords[f].busy : exportWords[f].button}
        </BigButton>
      ))}
      <Message kind={outcome?.ok ? 'ok' : 'error'} text={outcome?.message} />
    </View>
  );
}
