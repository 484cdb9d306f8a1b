import { createElement, type PropsWithChildren } from 'react';
import { api } from '@/adapters/api';
import { ApiProvider } from '@/hooks/api-context';
import './app.css';

/** Every page renders inside this: it hands the Taro-wired API client to the hooks. */
function App({ children }: PropsWithChildren) {
  return createElement(ApiProvider, { client: api }, children);
}

export default App;
