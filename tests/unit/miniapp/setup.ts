// Taro's H5 API module exports its functions by name; code written `Taro.request(...)` uses the
// default export, so copy the named ones onto it (as Taro's own H5 build does).
import Taro, * as TaroApis from '@tarojs/taro';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

Object.assign(Taro, TaroApis);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
