export * from './ifeval.js';
