import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { ApiClient } from '@/services/api-client';

const ApiContext = createContext<ApiClient | null>(null);

/** Gives hooks their API client: the Taro-wired one in the app, a fake one in tests. */
export function ApiProvider({ client, children }: { client: ApiClient; children?: ReactNode }) {
  return createElement(ApiContext.Provider, { value: client }, children);
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider> above it');
  return client;
}
