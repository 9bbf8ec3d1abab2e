export * from './schema.js';
export * from './catalogue.js';
