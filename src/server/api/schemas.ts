/**
 * The HTTP API's request and response shapes: the one definition the server validates
 * with, the OpenAPI document is generated from, and the dashboard is typed against. One
 * file per area; this one gathers them for the dashboard and the tests.
 */

export * from './auth-schemas.js';
export { ApiError } from './common-schemas.js';
export * from './contract-schemas.js';
export * from './data-schemas.js';
export * from './evidence-schemas.js';
export * from './metric-schemas.js';
export * from './renewal-schemas.js';
export * from './rfp-schemas.js';
