import { render, screen, waitFor } from '@testing-library/react';
import { ApiProvider } from '@/hooks/api-context';
import { createApiClient, type HttpRequest, type HttpResponse } from '@/services/api-client';
import type { Me } from '@/services/types';

/** One answer of the stand-in API: a response for the requests it knows, undefined for the rest. */
export type Route = (req: HttpRequest) => HttpResponse | Promise<HttpResponse> | undefined;

/**
 * Pages rendered against a stand-in API: GET /me answers `me`, the given routes answer the rest, anything
 * else is a 404. `calls` records every request, so tests can check what a page sent.
 */
export function pageHarness() {
  const calls: HttpRequest[] = [];

  function renderWith(ui: JSX.Element, me: Me, ...routes: Route[]) {
    const all: Route[] = [...routes, (req) => (req.url === '/api/v1/me' ? { status: 200, body: me } : undefined)];
    const client = createApiClient({
      baseUrl: '',
      getToken: () => 't',
      request: async (req) => {
        calls.push(req);
        for (const r of all) {
          const res = await r(req);
          if (res) return res;
        }
        return { status: 404, body: { error: { code: 'NOT_FOUND', message: '没有找到该记录' } } };
      },
    });
    return render(<ApiProvider client={client}>{ui}</ApiProvider>);
  }

  const renderPage = (Page: () => JSX.Element, me: Me, ...routes: Route[]) => renderWith(<Page />, me, ...routes);
  const get = (url: string, body: unknown): Route => (req) => (req.method === 'GET' && req.url === url ? { status: 200, body } : undefined);

  return { calls, renderWith, renderPage, get };
}

/** The text box under the field labelled `label`, once Taro has drawn it. */
export const boxUnder = (label: string) =>
  waitFor(() => {
    const found = screen.getByText(label).closest('.field')?.querySelector('textarea');
    if (!found) throw new Error(`no box under ${label}`);
    return found;
  });
