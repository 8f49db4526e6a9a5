"use client";
// The editor's live check, in two steps so it never claims more than it knows: first the syntax (POST
// /api/syntax-check: the grader's own compiler in the web server, answered in milliseconds), then, only for code
// that parses, the type check (POST /api/typecheck, the daemon's checkers). A parse error shows at once with its
// line:column; "No type errors." waits for the type check itself.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiFailure, syntaxCheck, typeCheck, type EditorWarning, type SyntaxProblem, type TypeCheckNotice } from "./api-client";

/** A pause in typing this long sends the syntax check (cheap: no daemon, no checker). */
export const SYNTAX_DELAY_MS = 250;
/** The type check waits for a pause at least this long, counted from the last edit. */
export const TYPECHECK_DELAY_MS = 700;

export type LiveCheckState =
  | { step: "syntax" } // waiting for the syntax check (first load, or just edited)
  | { step: "syntax-errors" } // the code does not parse: no type check
  | { step: "types" } // parses; the type check is on its way
  | { step: "done"; notice: TypeCheckNotice | null }
  | { step: "unavailable"; problem: string; retryAfter: number | null };

export interface LiveCheck {
  state: LiveCheckState;
  syntaxErrors: SyntaxProblem[];
  typeWarnings: EditorWarning[];
  /** Checks `source` after a pause in typing (`immediately` on load). */
  schedule(source: string, immediately?: boolean): void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

export function useLiveCheck(slug: string, lang: "en" | "zh"): LiveCheck {
  const [state, setState] = useState<LiveCheckState>({ step: "syntax" });
  const [syntaxErrors, setSyntaxErrors] = useState<SyntaxProblem[]>([]);
  const [typeWarnings, setTypeWarnings] = useState<EditorWarning[]>([]);
  const running = useRef<AbortController | null>(null);

  const run = useCallback(
    async (source: string, editedAt: number, delay: number, signal: AbortSignal) => {
      await sleep(delay, signal);
      if (signal.aborted) return;
      try {
        const errors = await syntaxCheck(slug, source, lang, signal);
        if (signal.aborted) return;
        setSyntaxErrors(errors);
        if (errors.length > 0) {
          // Type warnings about code that does not parse would only repeat the parse error, or mislead.
          setTypeWarnings([]);
          setState({ step: "syntax-errors" });
          return;
        }
      } catch (error) {
        if (signal.aborted) return;
        // Without the syntax answer, the type check (which reports parse errors too) still tells the truth.
        setSyntaxErrors([]);
        void error;
      }
      setState({ step: "types" });
      await sleep(TYPECHECK_DELAY_MS - (performance.now() - editedAt), signal);
      if (signal.aborted) return;
      try {
        const checked = await typeCheck(slug, source, signal);
        if (signal.aborted) return;
        setTypeWarnings(checked.warnings);
        setState({ step: "done", notice: checked.notice });
      } catch (error) {
        if (signal.aborted) return;
        // The type check is a convenience: say it is unavailable, keep the last warnings out of the way.
        setTypeWarnings([]);
        setState({
          step: "unavailable",
          problem: error instanceof ApiFailure ? error.message : String(error),
          retryAfter: error instanceof ApiFailure && error.status === 429 ? (error.retryAfter ?? 60) : null,
        });
      }
    },
    [slug, lang],
  );

  const schedule = useCallback(
    (source: string, immediately = false) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      void run(source, immediately ? -Infinity : performance.now(), immediately ? 0 : SYNTAX_DELAY_MS, controller.signal);
    },
    [run],
  );

  useEffect(() => () => running.current?.abort(), []);

  return { state, syntaxErrors, typeWarnings, schedule };
}
