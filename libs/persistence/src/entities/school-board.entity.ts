import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A schoolbestuur. Its pupil count is its vote weight in the ALV (docs/domain.md, source 001 §1.1). */
@Entity('school_board')
export class SchoolBoard {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The bestuursnummer (five digits, given by DUO); unique within the SWV, optional. */
  @Column({ name: 'board_number', type: 'text', nullable: true })
  boardNumber!: string | null;

  @Column({ name: 'pupil_count', type: 'integer' })
  pupilCount!: number;

  @Column({ name: 'bestuurder_person_id', type: 'uuid', nullable: true })
  bestuurderPersonId!: string | null;
}
