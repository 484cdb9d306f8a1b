import { afterAll, beforeAll } from 'vitest';
import type { LocalStackOptions } from '../../../local/stack';
import type { TestStack } from '../../integration/support/stack';
import { openPhone } from './browser';
import { startH5Stack } from './h5-stack';
import { closeAll, seeText, tapButton } from './ui';

type Phone = Awaited<ReturnType<typeof openPhone>>;

/**
 * The set-up every browser test file shares: a fresh local stack serving the H5 build and a phone-sized
 * Chromium, started before the file's tests and closed after them, with the two moves every test makes.
 * Call it once at the top of a test file; read `stack` and `phone` inside the tests. `options` go to the
 * stack (e.g. `demoHistory` for the demo's months of branch life).
 */
export function phoneOnStack(options: Partial<LocalStackOptions> = {}) {
  let stack: TestStack | undefined;
  let phone: Phone | undefined;
  beforeAll(async () => {
    stack = await startH5Stack(options);
    phone = await openPhone();
  });
  afterAll(() => closeAll(phone, stack));
  return {
    get stack(): TestStack {
      return stack!;
    },
    get phone(): Phone {
      return phone!;
    },
    /** Waits until the visible page shows `text`. */
    visible: (text: string | RegExp, timeout?: number) => seeText(phone!.page, text, timeout),
    /** Taps the visible button whose label holds `text`. */
    tap: (text: string) => tapButton(phone!.page, text),
  };
}
