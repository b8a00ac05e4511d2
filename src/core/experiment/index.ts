export * from './definition.js';
export * from './did.js';
