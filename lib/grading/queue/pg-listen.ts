// One PostgreSQL connection that LISTENs on some channels and comes back by itself: after the server restarts
// or the network drops it reconnects with a growing backoff, LISTENs again and calls onConnect, so its owner
// can catch up on what it missed (NOTIFY is not stored: nothing is delivered to a connection that is down).
import pg from "pg";

export interface ListenOptions {
  channels: string[];
  onNotify: (channel: string, payload: string) => void;
  /** After every (re)connection, once LISTEN is in place. */
  onConnect?: () => void;
  log?: (message: string) => void;
}

export interface ListenConnection {
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

const BACKOFF_MS = { first: 100, max: 5_000 };

export function listen(connectionString: string, options: ListenOptions): ListenConnection {
  let closed = false;
  let client: pg.Client | null = null;
  let delay = BACKOFF_MS.first;
  let retryTimer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const log = options.log ?? (() => undefined);

  const reconnectLater = (reason: string) => {
    if (closed || retryTimer) return;
    log(`LISTEN connection lost (${reason}); reconnecting in ${delay} ms`);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref();
    delay = Math.min(delay * 2, BACKOFF_MS.max);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: "lacuna-listen" });
    let lost = false;
    const drop = (reason: string) => {
      if (lost) return;
      lost = true;
      if (client === next) client = null;
      next.end().catch(() => undefined);
      reconnectLater(reason);
    };
    next.on("error", (error) => drop(error.message));
    next.on("end", () => drop("connection ended"));
    next.on("notification", (message) => options.onNotify(message.channel, message.payload ?? ""));
    try {
      await next.connect();
      for (const channel of options.channels) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      drop(error instanceof Error ? error.message : String(error));
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    delay = BACKOFF_MS.first;
    markReady();
    options.onConnect?.();
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
