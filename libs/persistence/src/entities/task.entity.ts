import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { TaskKind, TaskStatus } from './enums';

/**
 * A person's to-do in a cycle (vote, adopt, submit, review). Activities upsert on the unique
 * (workflowId, personId, kind, refKey), so a retried activity never creates a second task.
 */
@Entity('task')
@Unique('task_workflow_person_kind_ref_key', ['workflowId', 'personId', 'kind', 'refKey'])
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** One of the kinds the cycles declare (TASK_KINDS); the column is text checked by form only. */
  @Column({ type: 'text' })
  kind!: TaskKind;

  /** Which step the task belongs to, e.g. 'round:2:body:alv'. */
  @Column({ name: 'ref_key', type: 'text' })
  refKey!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'text', default: 'open' })
  status!: TaskStatus;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
