export { visitWorkflow } from './visit.workflow';
export { visitationProgrammeWorkflow } from './programme.workflow';
