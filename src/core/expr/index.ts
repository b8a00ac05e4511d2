/** The expression language of mappings and metrics: syntax (pure); compilers live with their users. */
export { ExprSyntaxError, type Token, tokenize } from './lexer.js';
export { type ParseResult, parseExpression } from './parse.js';
export type { BinaryOp, Expr, Loc } from './types.js';
