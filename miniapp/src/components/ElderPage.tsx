import { View, Text } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
import { userFontScale } from '@/adapters/font-scale';

interface Props {
  title?: string;
  /** Font-size factor; defaults to the user's WeChat font size (always 1 on H5). */
  scale?: number;
  children?: ReactNode;
}

/** The frame of every page: carries the font scale and the design tokens (see tokens.css). */
export function ElderPage({ title, scale = userFontScale(), children }: Props) {
  const style = { '--elder-scale': String(scale) } as CSSProperties;
  return (
    <View className='elder-page' style={style}>
      {title ? <Text className='h1'>{title}</Text> : null}
      {children}
    </View>
  );
}
