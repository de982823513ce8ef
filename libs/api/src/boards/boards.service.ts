import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Person, SchoolBoard } from '@jaarcyclus/persistence';
import type { Repository } from 'typeorm';
import { assertInTenant, definedOnly, notFound, sortByName } from '../common/tenant-references';
import type { CreateBoardDto, UpdateBoardDto } from './dto/board.dto';

/** School boards of one SWV. Every query is scoped to the caller's organisation. */
@Injectable()
export class BoardsService {
  constructor(@InjectRepository(SchoolBoard) private readonly boards: Repository<SchoolBoard>) {}

  async list(organisationId: string): Promise<SchoolBoard[]> {
    return sortByName(
      await this.boards.find({ where: { organisationId }, order: { name: 'ASC', id: 'ASC' } }),
    );
  }

  async get(organisationId: string, id: string): Promise<SchoolBoard> {
    const board = await this.boards.findOne({ where: { id, organisationId } });
    if (!board) throw notFound('School board');
    return board;
  }

  async create(organisationId: string, input: CreateBoardDto): Promise<SchoolBoard> {
    await assertInTenant(
      this.boards.manager,
      Person,
      organisationId,
      input.bestuurderPersonId,
      'bestuurderPersonId',
      'a person',
    );
    return this.boards.save(
      this.boards.create({
        organisationId,
        name: input.name,
        pupilCount: input.pupilCount,
        bestuurderPersonId: input.bestuurderPersonId ?? null,
      }),
    );
  }

  async update(organisationId: string, id: string, input: UpdateBoardDto): Promise<SchoolBoard> {
    const board = await this.get(organisationId, id);
    await assertInTenant(
      this.boards.manager,
      Person,
      organisationId,
      input.bestuurderPersonId,
      'bestuurderPersonId',
      'a person',
    );
    return this.boards.save(Object.assign(board, definedOnly(input)));
  }

  /** A board that still has schools or people is refused with 409 by its foreign keys. */
  async remove(organisationId: string, id: string): Promise<void> {
    const result = await this.boards.delete({ id, organisationId });
    if (!result.affected) throw notFound('School board');
  }
}
