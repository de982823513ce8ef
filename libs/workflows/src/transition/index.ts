export { transitionCaseWorkflow } from './transition.workflow';
