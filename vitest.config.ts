import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * One runner, five projects. `npm test` (scripts/test.mjs) runs them in order with the
 * builds in between; each can also be run alone with `vitest run --project NAME`.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        // Mini-program hooks and components under a DOM, with Taro's H5 runtime standing in.
        resolve: {
          alias: [
            { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
            { find: /^@tarojs\/taro$/, replacement: '@tarojs/plugin-platform-h5/dist/runtime/apis' },
            { find: /^@\//, replacement: r('./miniapp/src/') },
            // The root holds React 19 (for @testing-library); the mini-program runs React 18 from
            // miniapp/node_modules. Two copies in one render break hooks, so all use the app's.
            { find: /^react(\/.*)?$/, replacement: r('./miniapp/node_modules/react') + '$1' },
            { find: /^react-dom(\/.*)?$/, replacement: r('./miniapp/node_modules/react-dom') + '$1' },
            // Its ES build, run through vite (see server.deps.inline), so the two aliases above reach it.
            { find: /^@testing-library\/react$/, replacement: r('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js') },
          ],
        },
        define: {
          'process.env.TARO_ENV': '"h5"',
          // As Taro's H5 build defines it: skips the mini-program-only DOM extensions in @tarojs/runtime.
          'process.env.TARO_PLATFORM': '"web"',
          DEPRECATED_ADAPTER_COMPONENT: 'false',
        },
        test: {
          name: 'dom',
          include: ['tests/unit/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/unit/miniapp/setup.ts'],
          // Run these through vite so the React aliases above apply inside them too.
          server: { deps: { inline: [/@testing-library\/react/] } },
        },
      },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'weapp',
          include: ['tests/weapp/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
