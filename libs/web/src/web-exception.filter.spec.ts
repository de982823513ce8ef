import { Logger, type ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@jaarcyclus/domain';
import { TemporalUnavailableError } from '@jaarcyclus/api/temporal/temporal-client.holder';
import type { WebPages } from './web-pages';
import { WebExceptionFilter } from './web-exception.filter';

jest.mock('./pages/error.pages', () => ({ errorPage: (_ctx: unknown, kind: string) => kind }));

function render(exception: unknown): {
  status: number;
  page: string;
  headers: Record<string, string>;
} {
  const sent = { status: 0, page: '', headers: {} as Record<string, string> };
  const res = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
  };
  const pages = {
    context: () => ({}),
    send: (_res: unknown, status: number, body: string) => {
      sent.status = status;
      sent.page = body;
    },
  } as unknown as WebPages;
  const host = {
    switchToHttp: () => ({ getRequest: () => ({}), getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new WebExceptionFilter(pages).catch(exception, host);
  return sent;
}

describe('WebExceptionFilter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it.each([
    [
      'a Temporal call that did not answer',
      DomainError.of('UNAVAILABLE', undefined, 'refusal.unavailable'),
    ],
    ['Temporal not connected', new TemporalUnavailableError()],
    [
      'the database refusing connections',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
  ])('%s: the unavailable page, 503 with Retry-After', (_what, error) => {
    expect(render(error)).toEqual({
      status: 503,
      page: 'unavailable',
      headers: { 'Retry-After': '30' },
    });
  });

  it('anything else unexpected stays the error page, 500', () => {
    expect(render(new Error('boom'))).toEqual({ status: 500, page: 'error', headers: {} });
  });
});
