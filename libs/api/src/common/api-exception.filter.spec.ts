import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@jaarcyclus/domain';
import { QueryFailedError } from 'typeorm';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApiExceptionFilter } from './api-exception.filter';
import { toDomainError } from '../budget/workflow-errors';
import { isUnavailable, TemporalUnavailableError } from '../temporal/temporal-client.holder';

/** A gRPC error as @grpc/grpc-js produces it (status 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED). */
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

function respond(exception: unknown): {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
} {
  const sent = {
    status: 0,
    body: {} as Record<string, unknown>,
    headers: {} as Record<string, string>,
  };
  const res = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

function pgError(driverError: Record<string, string>): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error('db'), driverError));
}

describe('ApiExceptionFilter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it.each([
    ['VALIDATION', 422],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['RULE_VIOLATION', 422],
  ] as const)('maps DomainError %s to %i', (code, status) => {
    const { status: sent, body } = respond(new DomainError(code, 'Nope', 'boardId'));
    expect(sent).toBe(status);
    expect(body).toMatchObject({ statusCode: status, code, message: 'Nope', field: 'boardId' });
  });

  it('maps a unique violation to 409 naming the field, not the tenant column', () => {
    const { status, body } = respond(
      pgError({
        code: '23505',
        constraint: 'school_board_organisation_id_name_key',
        detail: 'Key (organisation_id, name)=(…, X) already exists.',
      }),
    );
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'CONFLICT', field: 'name', message: 'name already exists' });
  });

  it('maps a refused reference to 422 and a delete of a row in use to 409', () => {
    expect(
      respond(
        pgError({
          code: '23503',
          detail: 'Key (organisation_id, board_id)=(…) is not present in table "school_board".',
        }),
      ),
    ).toMatchObject({ status: 422, body: { field: 'boardId' } });
    expect(
      respond(
        pgError({ code: '23503', detail: 'Key (id)=(…) is still referenced from table "school".' }),
      ),
    ).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  describe('a part that is down answers 503 with Retry-After, never a bare 500', () => {
    beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
    const unavailable = {
      status: 503,
      headers: { 'Retry-After': '30' },
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'UNAVAILABLE',
        message: expect.stringContaining('try again in a minute') as unknown,
      },
    };

    it.each([
      [
        'Temporal down (UNAVAILABLE)',
        new ServiceError('Failed to query Workflow', {
          cause: grpcError(14, 'No connection established'),
        }),
      ],
      [
        'the call deadline passed (DEADLINE_EXCEEDED)',
        new ServiceError('Failed to query Workflow', { cause: grpcError(4, 'Deadline exceeded') }),
      ],
      ['a bare gRPC UNAVAILABLE', grpcError(14, 'Connection dropped')],
      [
        'an Update whose RPC timed out',
        new WorkflowUpdateRPCTimeoutOrCancelledError('timed out', {
          cause: grpcError(4, 'Deadline exceeded'),
        }),
      ],
    ])('a Temporal call: %s', (_what, error) => {
      expect(respond(toDomainError(error, 'No budget cycle'))).toMatchObject(unavailable);
    });

    it.each([
      [
        'refused connection',
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ],
      ['server shut down (57P01)', pgError({ code: '57P01' })],
      ['terminated connection', new Error('Connection terminated unexpectedly')],
    ])('the database: %s', (_what, error) => {
      expect(respond(error)).toMatchObject(unavailable);
    });

    it('Temporal not connected at all (TemporalUnavailableError)', () => {
      expect(respond(new TemporalUnavailableError())).toMatchObject({
        status: 503,
        headers: { 'Retry-After': '30' },
      });
    });

    it('the web forms recognise both kinds as unavailable (their 503 message, not a 422)', () => {
      const timedOut = toDomainError(
        new ServiceError('Failed', { cause: grpcError(4, 'Deadline exceeded') }),
        'x',
      );
      expect([timedOut, new TemporalUnavailableError()].map(isUnavailable)).toEqual([true, true]);
      expect(isUnavailable(new DomainError('CONFLICT', 'no'))).toBe(false);
    });

    it('other gRPC errors stay what they were, logged with the server’s answer', () => {
      const error = new ServiceError('Workflow Update failed', {
        cause: grpcError(13, 'internal'),
      });
      expect(toDomainError(error, 'x')).toBe(error);
      expect(respond(error).status).toBe(500);
      // The client's own message says nothing; the log names the code and the server's words.
      expect(Logger.prototype.error).toHaveBeenLastCalledWith(
        expect.stringMatching(/Workflow Update failed[\s\S]*caused by: .*internal/),
      );
    });
  });

  it('passes HTTP exceptions through in the same shape', () => {
    expect(respond(new NotFoundException('Cannot GET /x'))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Cannot GET /x' },
      headers: {},
    });
  });

  it('answers unknown errors with a bare 500 and logs them on the server', () => {
    const error = new Error('connection string postgres://user:secret@db failed');
    const { status, body } = respond(error);
    expect(status).toBe(500);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal error',
    });
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.stringContaining('secret'));
  });
});
