export * from './math.js';
