/** Periods, zones and boundaries: the pure time layer (see the modules for conventions). */
export * from './boundaries.js';
export * from './buckets.js';
export * from './calendar.js';
export * from './duration.js';
export * from './period.js';
export * from './zone.js';
