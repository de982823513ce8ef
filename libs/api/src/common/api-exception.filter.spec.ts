import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@jaarcyclus/domain';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';

function respond(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const res = {
    headersSent: false,
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

  it('passes HTTP exceptions through in the same shape', () => {
    expect(respond(new NotFoundException('Cannot GET /x'))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Cannot GET /x' },
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
