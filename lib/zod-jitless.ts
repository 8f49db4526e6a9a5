// Imported first by client code that builds zod schemas. The pages' Content-Security-Policy forbids eval
// (proxy.ts); without this, every z.object() built in the browser probes `Function("")` to decide whether to
// compile a fast path, and the browser reports each probe as a CSP violation. Must run before any schema is
// built, hence a module of its own placed ahead of the imports that build them.
import { z } from "zod";

z.config({ jitless: true });
