import { Text } from '@tarojs/components';

/**
 * "您在代 王建国 办理": shown to a family proxy on every page they act on, held at the top of the
 * screen while the page scrolls (the page frame keeps it there), so a daughter never forgets whose
 * record she is changing.
 */
export function ProxyBanner({ name }: { name: string }) {
  return <Text className='banner banner--proxy'>您在代 {name} 办理</Text>;
}
