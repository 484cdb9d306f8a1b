import Taro from '@tarojs/taro';
import type { HttpRequest, HttpResponse } from '@/services/api-client';

/**
 * Taro.request behind the platform-free RequestFn. wx.request has no PATCH (its methods are
 * OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT), so on the mini-program a PATCH goes
 * out as POST with X-HTTP-Method-Override; H5 sends the real method.
 */
export async function taroRequest({ method, url, headers, body }: HttpRequest): Promise<HttpResponse> {
  const tunnel = method === 'PATCH' && process.env.TARO_ENV !== 'h5';
  const res = await Taro.request({
    url,
    method: tunnel ? 'POST' : (method as 'GET'),
    header: tunnel ? { ...headers, 'X-HTTP-Method-Override': 'PATCH' } : headers,
    data: body,
    dataType: 'json',
  });
  return { status: res.statusCode, body: res.data };
}
