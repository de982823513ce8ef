export * from './locale';
export * from './format';
export { escapeHtml } from './html';
