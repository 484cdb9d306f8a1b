/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built, replaced at build time. */
    TARO_ENV: 'weapp' | 'h5';
    /** API origin for the mini-program (H5 uses the page's own origin: ''). Set by config defineConstants. */
    TARO_APP_API_BASE?: string;
    /** The privacy policy's operator and how to reach them (config/operator.ts). Set by config defineConstants. */
    TARO_APP_OPERATOR_NAME?: string;
    TARO_APP_OPERATOR_CONTACT?: string;
  }
}
