import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Person, SchoolBoard } from '@jaarcyclus/persistence';
import type { Repository } from 'typeorm';
import { TenantCrudService } from '../common/tenant-crud.service';
import { assertInTenant, definedOnly } from '../common/tenant-references';
import type { CreateBoardDto, UpdateBoardDto } from './dto/board.dto';

/**
 * School boards of one SWV (list, get and remove scoped as TenantCrudService does). A board that
 * still has schools or people is refused with 409 by their foreign keys when it is removed.
 */
@Injectable()
export class BoardsService extends TenantCrudService<SchoolBoard, CreateBoardDto, UpdateBoardDto> {
  constructor(@InjectRepository(SchoolBoard) boards: Repository<SchoolBoard>) {
    super(boards, 'School board');
  }

  async create(organisationId: string, input: CreateBoardDto): Promise<SchoolBoard> {
    await this.assertBestuurderInTenant(organisationId, input.bestuurderPersonId);
    return this.repository.save(
      this.repository.create({
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
    return this.repository.save(Object.assign(board, definedOnly(input)));
  }

  private async assertBestuurderInTenant(
    organisationId: string,
    bestuurderPersonId: string | null | undefined,
  ): Promise<void> {
    await assertInTenant(
      this.repository.manager,
      Person,
      organisationId,
      bestuurderPersonId,
      'bestuurderPersonId',
      'a person',
    );
  }
}
