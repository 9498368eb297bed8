export * from './similarity.js';
