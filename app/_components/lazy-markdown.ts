"use client";
// lib/markdown (Marked + KaTeX, ~350 KB of JavaScript) for client components that render a grade report's texts
// (case notes, a misconception without the page's rendering): loaded on first use, not with the page, so pages
// that show no report never fetch KaTeX. Until it has arrived, callers show the text as plain text.
import { useEffect, useState } from "react";

type MarkdownRenderers = typeof import("@/lib/markdown");

let loaded: MarkdownRenderers | null = null;
let loading: Promise<MarkdownRenderers> | null = null;

function loadMarkdown(): Promise<MarkdownRenderers> {
  loading ??= import("@/lib/markdown").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null; // a failed chunk load (network): the next component that needs it asks again
      throw error;
    },
  );
  return loading;
}

/** The Markdown renderers once loaded (null before: show plain text); `needed` false loads nothing. */
export function useMarkdown(needed = true): MarkdownRenderers | null {
  const [renderers, setRenderers] = useState<MarkdownRenderers | null>(loaded);
  useEffect(() => {
    if (!needed || renderers) return;
    let mounted = true;
    loadMarkdown().then(
      (module) => mounted && setRenderers(module),
      () => undefined, // stays plain text
    );
    return () => {
      mounted = false;
    };
  }, [needed, renderers]);
  return renderers;
}
