import { SchoolBoard } from '../entities/school-board.entity';
import type { Db } from './db';
import { TenantRecords } from './tenant-records';

/**
 * The tenant's school boards (school_board) as master data: list, get, create, update and
 * delete, scoped by organisation. (What the cycles read of boards, e.g. the allocation letters'
 * pupil counts, is SchoolRepository.boards.)
 */
export class BoardRepository extends TenantRecords<SchoolBoard> {
  constructor(db: Db) {
    super(db, SchoolBoard);
  }
}
