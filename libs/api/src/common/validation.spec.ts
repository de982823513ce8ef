import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, validate } from 'class-validator';
import { flattenValidationErrors } from './validation';

class YearDto {
  @IsInt({ message: 'accountingYear must be a whole year' })
  @Min(2015, { message: 'accountingYear must be 2015 or later' })
  @Max(2100, { message: 'accountingYear must be 2100 or earlier' })
  accountingYear!: number;

  @IsString({ message: 'title must be a string' })
  @MaxLength(5, { message: 'title must be at most 5 characters' })
  title!: string;
}

const errorsFor = async (body: object) =>
  flattenValidationErrors(await validate(plainToInstance(YearDto, body)));

describe('flattenValidationErrors', () => {
  it('reports only what kind of value was expected when the kind is wrong', async () => {
    expect(await errorsFor({ accountingYear: 'abc', title: 42 })).toEqual([
      { field: 'accountingYear', message: 'accountingYear must be a whole year' },
      { field: 'title', message: 'title must be a string' },
    ]);
  });

  it('reports the range or length when the kind is right', async () => {
    expect(await errorsFor({ accountingYear: 1999, title: 'Verantwoording' })).toEqual([
      { field: 'accountingYear', message: 'accountingYear must be 2015 or later' },
      { field: 'title', message: 'title must be at most 5 characters' },
    ]);
  });
});
