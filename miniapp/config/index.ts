import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// The workspace package @ltx/shared ships TypeScript source; webpack follows its symlink to
// the real folder, which is outside both src/ and node_modules, so Taro's babel rule must be
// told to compile it (both paths listed in case symlinks are not followed).
const sharedSource = [path.resolve(__dirname, '../../shared/src'), path.resolve(__dirname, '../node_modules/@ltx/shared')];

// npm hoists most @tarojs packages to the root but keeps React 18 and the React framework
// plugin here (the root holds React 19 for @testing-library): on H5, Taro's root packages must
// find them, and every import of React must land on this one copy.
const ownModules = path.resolve(__dirname, '../node_modules');
const reactAliases = {
  'react$': path.join(ownModules, 'react'),
  'react/jsx-runtime$': path.join(ownModules, 'react/jsx-runtime'),
  'react-dom$': path.join(ownModules, 'react-dom'),
  'react-dom/client$': path.join(ownModules, 'react-dom/client'),
};
function useOwnModules(chain: { resolve: { modules: { add: (p: string) => unknown }; alias: { set: (k: string, v: string) => unknown } } }) {
  chain.resolve.modules.add('node_modules');
  chain.resolve.modules.add(ownModules);
  for (const [k, v] of Object.entries(reactAliases)) chain.resolve.alias.set(k, v);
}

// Mini-programs cannot call a relative URL: the API origin is fixed at build time, from the stage's entry in
// config/stages.json, which scripts/with-stage.ts reads and checks in front of this build (npm run build:weapp).
// Never a silent default: a weapp build without it is refused. The H5 build is served by the API itself.
const apiBase = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE;
if (process.env.TARO_ENV !== 'h5' && !apiBase) {
  throw new Error('TARO_APP_API_BASE is not set: build through `npm run build:weapp` (LTX_STAGE=local|dev|prod), which takes it from config/stages.json');
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'ltx-branch',
    date: '2025-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
      // The privacy policy's operator (src/config/operator.ts): the deploying organisation's name and contact, the stage's.
      'process.env.TARO_APP_OPERATOR_NAME': JSON.stringify(process.env.TARO_APP_OPERATOR_NAME ?? ''),
      'process.env.TARO_APP_OPERATOR_CONTACT': JSON.stringify(process.env.TARO_APP_OPERATOR_CONTACT ?? ''),
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: sharedSource },
      // No React aliases here: on mini-programs Taro points react-dom at @tarojs/react itself.
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: sharedSource },
      webpackChain: useOwnModules,
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
