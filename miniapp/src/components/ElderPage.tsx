import { View, Text } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
import { userFontScale } from '@/adapters/font-scale';
import { BackBar } from './BackBar';
import { PrivacyPopup } from './PrivacyPopup';

interface Props {
  title?: string;
  /** Font-size factor; defaults to the user's WeChat font size (always 1 on H5, where the root font follows the browser's). */
  scale?: number;
  /** The privacy policy page leaves the popup out, so that it can be read while the popup waits on the page below. */
  privacyPopup?: boolean;
  children?: ReactNode;
}

/** The frame of every page: carries the font scale and the design tokens (see tokens.css), the back bar (H5) and the privacy popup. */
export function ElderPage({ title, scale = userFontScale(), privacyPopup = true, children }: Props) {
  const style = { '--elder-scale': String(scale) } as CSSProperties;
  return (
    <View className='elder-page' style={style}>
      <BackBar />
      {title ? <Text className='h1'>{title}</Text> : null}
      {children}
      {privacyPopup ? <PrivacyPopup /> : null}
    </View>
  );
}
