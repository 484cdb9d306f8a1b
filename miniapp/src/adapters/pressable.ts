/** What a block that acts as a button gets: the tap everywhere; on H5 also a role, a Tab stop and the keys. */
export interface PressableProps {
  onClick: () => void;
  role?: 'button';
  tabIndex?: number;
  'aria-label'?: string;
  'aria-disabled'?: 'true';
  onKeyDown?: (event: { key: string; preventDefault: () => void }) => void;
}

/**
 * Makes a tappable block a button in the browser (H5) too, for those who do not use a finger: a screen
 * reader hears "button", Tab stops on it, and Enter or Space does what a tap does (Space without
 * scrolling the page). `label` names a block that shows no text of its own, such as a photo. On weapp
 * only the tap is wired: WeChat's own components carry their roles.
 */
export function pressable(onPress: () => void, label?: string, disabled = false): PressableProps {
  const press = () => {
    if (!disabled) onPress();
  };
  if (process.env.TARO_ENV !== 'h5') return { onClick: press };
  return {
    onClick: press,
    role: 'button',
    tabIndex: 0,
    ...(label ? { 'aria-label': label } : {}),
    // A disabled button stays in the Tab order, so that a screen reader still finds it.
    ...(disabled ? { 'aria-disabled': 'true' as const } : {}),
    onKeyDown: (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      press();
    },
  };
}
