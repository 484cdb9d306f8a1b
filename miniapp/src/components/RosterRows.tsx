import { Text, View } from '@tarojs/components';
import type { RosterImportRow } from '@/services/types';

/** The check's result row by row, in large type: 新建 / 更新（哪些项）/ 不变 / 错误, each error in words under its row. */
export function RosterRows({ rows }: { rows: RosterImportRow[] }) {
  return (
    <View>
      {rows.map((r) => (
        <View key={r.row} className={`row row--plain${r.outcome === 'error' ? ' row--warning' : ''}`}>
          <Text className='row__title'>{r.text}</Text>
          {r.errors.map((e) => (
            <Text key={e} className='message message--error'>
              {e}
            </Text>
          ))}
          {r.skippedText ? <Text className='text'>{r.skippedText}</Text> : null}
        </View>
      ))}
    </View>
  );
}
