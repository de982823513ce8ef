import { Injectable } from '@nestjs/common';
import { BoardRepository, PersonRepository, type SchoolBoard } from '@jaarcyclus/persistence';
import { TenantCrudService } from '../common/tenant-crud.service';
import { assertInTenant, definedOnly } from '../common/tenant-references';
import type { CreateBoardDto, UpdateBoardDto } from './dto/board.dto';

/**
 * School boards of one SWV (list, get and remove scoped as TenantCrudService does). A board that
 * still has schools or people is refused with 409 by their foreign keys when it is removed.
 */
@Injectable()
export class BoardsService extends TenantCrudService<SchoolBoard, CreateBoardDto, UpdateBoardDto> {
  constructor(
    boards: BoardRepository,
    private readonly persons: PersonRepository,
  ) {
    super(boards, 'School board');
  }

  async create(organisationId: string, input: CreateBoardDto): Promise<SchoolBoard> {
    await this.assertBestuurderInTenant(organisationId, input.bestuurderPersonId);
    return this.records.save(
      this.records.create({
        organisationId,
        name: input.name,
        pupilCount: input.pupilCount,
        bestuurderPersonId: input.bestuurderPersonId ?? null,
      }),
    );
  }

  async update(organisationId: string, id: string, input: UpdateBoardDto): Promise<SchoolBoard> {
    const board = await this.get(organisationId, id);
    await this.assertBestuurderInTenant(organisationId, input.bestuurderPersonId);
    return this.records.save(Object.assign(board, definedOnly(input)));
  }

  private async assertBestuurderInTenant(
    organisationId: string,
    bestuurderPersonId: string | null | undefined,
  ): Promise<void> {
    await assertInTenant(
      this.persons,
      organisationId,
      bestuurderPersonId,
      'bestuurderPersonId',
      'a person',
    );
  }
}
