import { View, Text } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
import { userFontScale } from '@/adapters/font-scale';
import { BackBar } from './BackBar';
import { PrivacyPopup } from './PrivacyPopup';
import { ProxyBanner } from './ProxyBanner';

interface Props {
  title?: string;
  /** Font-size factor; defaults to the user's WeChat font size (always 1 on H5, where the root font follows the browser's). */
  scale?: number;
  /** The privacy policy page leaves the popup out, so that it can be read while the popup waits on the page below. */
  privacyPopup?: boolean;
  /** The elder's name when a family proxy acts for them: the proxy banner stays at the top of the page. */
  proxyFor?: string;
  children?: ReactNode;
}

/**
 * The frame of every page: carries the font scale and the design tokens (see tokens.css), the back bar
 * (H5) and the proxy banner (held together at the top while the page scrolls), and the privacy popup.
 */
export function ElderPage({ title, scale = userFontScale(), privacyPopup = true, proxyFor, children }: Props) {
  const style = { '--elder-scale': String(scale) } as CSSProperties;
  return (
    <View className='elder-page' style={style}>
      <View className='elder-page__top'>
        <BackBar />
        {proxyFor ? <ProxyBanner name={proxyFor} /> : null}
      </View>
      {title ? <Text className='h1'>{title}</Text> : null}
      {children}
      {privacyPopup ? <PrivacyPopup /> : null}
    </View>
  );
}
