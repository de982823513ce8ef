import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('body_member')
export class BodyMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  /** The board an ALV member represents: that board's pupil count is the vote weight (docs/domain.md, source 001 §1.1). */
  @Column({ name: 'board_id', type: 'uuid', nullable: true })
  boardId!: string | null;
}
