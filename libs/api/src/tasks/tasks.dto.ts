import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { says } from '../common/validation';

/** Most tasks one page of GET /api/me/tasks holds. */
export const TASK_PAGE_MAX = 200;
/**
 * Tasks on a page when `limit` is not given: more than a person collects in years (a member
 * votes a few times a year), so a client written before pages existed still gets every task
 * of nearly everyone; the Link header says when there is more.
 */
export const TASK_PAGE_DEFAULT = 100;

/** A page of GET /api/me/tasks (the body stays the array it always was). */
export class TaskPageDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: TASK_PAGE_MAX,
    description: `Tasks per page (default ${TASK_PAGE_DEFAULT}); while more follow, a Link header with rel="next" points at the next page`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt(says('validation.notAnInteger'))
  @Min(1, says('validation.numberTooSmall', { min: 1 }))
  @Max(TASK_PAGE_MAX, says('validation.numberTooLarge', { max: TASK_PAGE_MAX }))
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Tasks to skip (default 0)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt(says('validation.notAnInteger'))
  @Min(0, says('validation.numberTooSmall', { min: 0 }))
  @Max(1_000_000, says('validation.numberTooLarge', { max: 1_000_000 }))
  offset?: number;
}
