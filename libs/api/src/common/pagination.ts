import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Response } from 'express';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { says } from './validation';

/** The most rows one page of a list holds, and the page size when a client asks none. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

/** A query parameter as a number when it is one, else as it came (so @IsInt refuses it by name). */
const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value;

/**
 * `?limit=&offset=` of a list endpoint: a list answers at most `limit` rows (default
 * DEFAULT_PAGE_SIZE, at most MAX_PAGE_SIZE) from `offset`, and says in the `X-Total-Count`
 * header how many there are, so no list grows into one unbounded response.
 */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Transform(toNumber)
  @IsInt(says('validation.notAnInteger'))
  @Min(1, says('validation.numberTooSmall', { min: 1 }))
  @Max(MAX_PAGE_SIZE, says('validation.numberTooLarge', { max: MAX_PAGE_SIZE }))
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt(says('validation.notAnInteger'))
  @Min(0, says('validation.numberTooSmall', { min: 0 }))
  offset?: number;
}

export interface Page {
  limit: number;
  offset: number;
}

export function pageOf(query: PageQueryDto | undefined): Page {
  return { limit: query?.limit ?? DEFAULT_PAGE_SIZE, offset: query?.offset ?? 0 };
}

/** One page of a list that is read whole (the SWV's master data: hundreds of rows at most). */
export function slicePage<T>(rows: readonly T[], page: Page): T[] {
  return rows.slice(page.offset, page.offset + page.limit);
}

/** One page of `rows` for `query`, with the whole list's length in `X-Total-Count`. */
export function paged<T>(res: Response, rows: readonly T[], query: PageQueryDto | undefined): T[] {
  res.setHeader('X-Total-Count', String(rows.length));
  return slicePage(rows, pageOf(query));
}
