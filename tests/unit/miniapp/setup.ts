// Taro's H5 API module exports its functions by name; code written `Taro.request(...)` uses the
// default export, so copy the named ones onto it (as Taro's own H5 build does).
import Taro, * as TaroApis from '@tarojs/taro';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { setDeviceClock } from '../../../miniapp/src/adapters/clock';
import { testClock } from '../../support/clock';

Object.assign(Taro, TaroApis);

// The pages read the phone's "now" from the test run's clock, as the API fixtures do.
setDeviceClock(testClock);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
