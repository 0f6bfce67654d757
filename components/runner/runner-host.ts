import {
  CONNECT,
  helloSchema,
  parseRunnerMessage,
  type RunnerDrill as Drill,
  type PageMessage,
  type RunnerMessage,
} from '@/lib/runner/protocol';

/** Where the frame and the bundled SDK are served from. */
export const FRAME_URL = '/runner';
export const SDK_URL = '/generated/runner/openai.js';

/** How long a frame may take to say hello before it is considered broken. */
const HANDSHAKE_MS = 15_000;

export interface RunRequest {
  runId: string;
  code: string;
  env: Record<string, string>;
  drill: Drill | null;
  timeLimitMs: number;
}

/**
 * The page's side of the runner: a hidden `<iframe sandbox="allow-scripts">` and one MessagePort to it. Only the
 * frame's own window may start the handshake (`event.source` is checked), and after it every message arrives on
 * the port and is parsed before use. Messages posted to the page by any other window are ignored.
 */
export class RunnerHost {
  private iframe: HTMLIFrameElement | null = null;
  private port: MessagePort | null = null;
  private ready: Promise<void> | null = null;
  private sdk: Promise<string> | null = null;

  constructor(private readonly onMessage: (message: RunnerMessage) => void) {}

  /** Loads the frame and the SDK; resolves when a worker with the SDK loaded is waiting. */
  connect(): Promise<void> {
    this.ready ??= this.open().catch((error: unknown) => {
      this.dispose();
      throw error;
    });
    return this.ready;
  }

  private fetchSdk(): Promise<string> {
    this.sdk ??= fetch(SDK_URL).then((r) => {
      if (!r.ok) throw new Error(`The SDK bundle is missing (${r.status}); run npm run build.`);
      return r.text();
    });
    return this.sdk;
  }

  private open(): Promise<void> {
    const sdk = this.fetchSdk();
    return new Promise<void>((resolve, reject) => {
      const iframe = document.createElement('iframe');
      iframe.setAttribute('sandbox', 'allow-scripts');
      iframe.title = 'Code runner (sandboxed)';
      iframe.hidden = true;
      iframe.tabIndex = -1;
      iframe.setAttribute('aria-hidden', 'true');
      iframe.referrerPolicy = 'no-referrer';
      const timer = window.setTimeout(() => {
        cleanup();
        reject(new Error('The runner frame did not start.'));
      }, HANDSHAKE_MS);

      const onWindowMessage = (event: MessageEvent) => {
        // Only the frame's own window may start the handshake; anything else posting to the page is ignored.
        if (event.source !== iframe.contentWindow || !helloSchema.safeParse(event.data).success) return;
        cleanup();
        const channel = new MessageChannel();
        this.port = channel.port1;
        channel.port1.onmessage = (e: MessageEvent) => {
          const message = parseRunnerMessage(e.data);
          if (!message) return;
          if (message.type === 'ready') resolve();
          else this.onMessage(message);
        };
        iframe.contentWindow!.postMessage({ type: CONNECT }, '*', [channel.port2]);
        sdk.then(
          (source) => this.post({ type: 'sdk', source }),
          (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
        );
      };
      const cleanup = () => {
        window.clearTimeout(timer);
        window.removeEventListener('message', onWindowMessage);
      };
      window.addEventListener('message', onWindowMessage);
      iframe.src = FRAME_URL;
      document.body.appendChild(iframe);
      this.iframe = iframe;
    });
  }

  private post(message: PageMessage) {
    this.port?.postMessage(message);
  }

  async run(request: RunRequest): Promise<void> {
    await this.connect();
    this.post({ type: 'run', ...request });
  }

  stop(runId: string) {
    this.post({ type: 'stop', runId });
  }

  /** Throws the frame away (a new one is made on the next run): the last resort if it stops answering. */
  dispose() {
    this.port?.close();
    this.port = null;
    this.iframe?.remove();
    this.iframe = null;
    this.ready = null;
  }
}
