import cliProgress from 'cli-progress';
import type { ImportPhase } from '../ingest/import-types.js';
import type { ImportSession } from '../store/store.js';

/**
 * A progress bar on a terminal (nothing when output is piped): the phase and the share of
 * DuckDB's current statement done, polled while the import runs.
 */
export function importProgress(file: string, verbose = false) {
  if (verbose) {
    // Plain lines for logs and for the kill test, which waits for `writing` to strike.
    const onPhase = (phase: ImportPhase) =>
      process.stderr.write(`${new Date().toISOString()} ${phase} ${file}\n`);
    return { onPhase, stop: () => undefined };
  }
  if (!process.stderr.isTTY) return { onPhase: undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${file} {phase} [{bar}] {percentage}%`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let timer: NodeJS.Timeout | undefined;
  bar.start(100, 0, { phase: 'reading' });
  const onPhase = (phase: ImportPhase, session: ImportSession) => {
    clearInterval(timer);
    bar.update(phase === 'done' ? 100 : 0, { phase });
    if (phase !== 'done') {
      timer = setInterval(() => bar.update(Math.max(0, Math.round(session.progress())), { phase }), 200);
    }
  };
  return {
    onPhase,
    stop: () => {
      clearInterval(timer);
      bar.stop();
    },
  };
}
