/** Task queue names, in one place: the api starts workflows on them, the worker polls them. */
export const TASK_QUEUES = { cycles: 'jaarcyclus-cycles' } as const;

export type TaskQueueName = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
