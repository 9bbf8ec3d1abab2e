export { decide, scoreProfile, rankOptions, firedRules, type DecideOptions } from './engine.js';
export { FACTOR_RULES, CONFLICTS } from './rules.js';
export * from './types.js';
