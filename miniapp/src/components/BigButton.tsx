import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import { pressable } from '@/adapters/pressable';

interface Props {
  children: ReactNode;
  onClick: () => void;
  /** primary: the one main action of a page; secondary: everything else. */
  variant?: 'primary' | 'secondary' | 'selected';
  disabled?: boolean;
}

/** A full-width button at least 60pt high; the only kind of button the app uses. On H5 it also answers Tab, Enter and Space. */
export function BigButton({ children, onClick, variant = 'primary', disabled = false }: Props) {
  return (
    // The disabled look hangs on a class: Taro's H5 button keeps a disabled="false" attribute.
    <Button
      className={`btn btn--${disabled ? 'disabled' : variant}`}
      disabled={disabled}
      {...pressable(onClick, undefined, disabled)}
    >
      {children}
    </Button>
  );
}
