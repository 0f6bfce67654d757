import net from 'node:net';

/** The one line a person sees when the port is taken: what happened and what to type instead. */
export function portInUseMessage(port, variable = 'PORT', command = 'npm start') {
  const other = port === 65535 ? 3001 : port + 1;
  return `✖ Port ${port} is already in use by another program. Pick another port: ${variable}=${other} ${command}`;
}

/** An error the launchers recognise: they print its message alone, as one line, and exit non-zero. */
export function portInUseError(port, variable, command) {
  return Object.assign(new Error(portInUseMessage(port, variable, command)), { code: 'PORT_IN_USE' });
}

/** Resolves true when `port` on `host` can be listened on right now (nothing else holds it). */
export function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
