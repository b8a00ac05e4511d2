/**
 * jstat ships no types. Only the distribution functions the stats layer calls are declared,
 * so any other use fails to compile instead of silently typing as `any`.
 */
declare module 'jstat' {
  interface JStat {
    studentt: {
      /** P(T <= x) for Student t with `dof` degrees of freedom (dof need not be an integer). */
      cdf(x: number, dof: number): number;
      /** Quantile: x with P(T <= x) = p. */
      inv(p: number, dof: number): number;
    };
    normal: {
      cdf(x: number, mean: number, std: number): number;
      inv(p: number, mean: number, std: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
