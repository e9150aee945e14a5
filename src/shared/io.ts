/** What a command may touch of its process: injected, so tests run commands without spawning one. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** `--debug`: an unexpected error shows its stack. */
  debug?: boolean;
}

/**
 * Writes whole lines to a standard stream. A reader that stops early (`candor check | head`)
 * closes the pipe: that is no failure of the command, so the rest of the output is dropped and
 * the process ends with its own exit code instead of a stack trace.
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  stream.on('error', (cause: NodeJS.ErrnoException) => {
    if (cause.code !== 'EPIPE' && cause.code !== 'ERR_STREAM_DESTROYED') throw cause;
  });
  return (text) => {
    if (!stream.destroyed) stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

export const processIo: Io = {
  cwd: process.cwd(),
  env: process.env,
  stdout: lineWriter(process.stdout),
  stderr: lineWriter(process.stderr),
};
