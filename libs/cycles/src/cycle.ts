import { TASK_KIND_PATTERN, type CycleKind, type TaskKind } from '@jaarcyclus/persistence';

/**
 * What a cycle declares about itself for the kit: its kind (the `cycle.kind` of its read-model
 * rows) and the kinds of task it hands out. The task table takes any kind of the declared form
 * (no migration per cycle); `TaskKind` lists the kinds of every cycle, so that the web app
 * labels each one.
 */
export interface CycleDefinition<K extends TaskKind = TaskKind> {
  readonly kind: CycleKind;
  readonly taskKinds: readonly K[];
}

/** Declares a cycle; refuses a malformed or repeated kind at start-up, not at the first task. */
export function defineCycle<const K extends TaskKind>(definition: {
  kind: CycleKind;
  taskKinds: readonly K[];
}): CycleDefinition<K> {
  const { kind, taskKinds } = definition;
  if (!/^[a-z][a-z_]*$/.test(kind))
    throw new Error(`cycle kind '${kind}' is not a lower-case word`);
  for (const k of taskKinds) {
    if (!TASK_KIND_PATTERN.test(k))
      throw new Error(`task kind '${k}' of cycle ${kind} is malformed`);
  }
  if (new Set(taskKinds).size !== taskKinds.length) {
    throw new Error(`cycle ${kind} declares a task kind twice`);
  }
  return Object.freeze({ kind, taskKinds: Object.freeze([...taskKinds]) });
}
