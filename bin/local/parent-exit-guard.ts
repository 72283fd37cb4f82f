/** Signals that end the process by default (Ctrl-C, kill, closed terminal) without an 'exit' event. */
const TERMINATING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const pendingCleanups = new Set<() => void>();
const signalHandlers = new Map(TERMINATING_SIGNALS.map((signal) => [signal, () => onTerminatingSignal(signal)]));
let installed = false;

/**
 * Runs `cleanup` (synchronous: nothing asynchronous runs once the process is exiting) if this
 * process exits or is ended by a signal before the returned function is called, so what was
 * started for local work (a JVM, a temporary folder) never outlives it.
 */
export function onParentExit(cleanup: () => void): () => void {
  pendingCleanups.add(cleanup);
  install();
  return () => {
    pendingCleanups.delete(cleanup);
    if (pendingCleanups.size === 0) {
      uninstall();
    }
  };
}

function runPendingCleanups(): void {
  for (const cleanup of pendingCleanups) {
    pendingCleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // One failed cleanup must not keep the others from running while the process ends.
    }
  }
}

function onTerminatingSignal(signal: NodeJS.Signals): void {
  runPendingCleanups();
  uninstall();
  // Listening to a signal cancels Node's default of ending the process: give it back when nothing
  // else in the process handles this signal.
  if (process.listenerCount(signal) === 0) {
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (installed) {
    return;
  }
  installed = true;
  process.on('exit', runPendingCleanups);
  for (const [signal, handler] of signalHandlers) {
    process.on(signal, handler);
  }
}

function uninstall(): void {
  if (!installed) {
    return;
  }
  installed = false;
  process.off('exit', runPendingCleanups);
  for (const [signal, handler] of signalHandlers) {
    process.off(signal, handler);
  }
}
