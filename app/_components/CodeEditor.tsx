"use client";
// CodeMirror 6 with TypeScript highlighting. Diagnostics (type errors, compile and runtime errors) arrive as
// 1-based line:column positions from the server and are drawn in the editor; the parent can move the cursor
// to a position (clicking an error in the results). Uncontrolled: the editor owns the text after mount.
// Tab is left to the browser (moves focus) so keyboard users are never trapped in the editor.
import { javascript } from "@codemirror/lang-javascript";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState, Prec, type Text } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useImperativeHandle, useRef, type Ref } from "react";
import { accessibleHighlighting } from "./code-highlight";

export interface EditorDiagnostic {
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning" | "info";
  /** Shown before the message, e.g. "TypeScript" or "Runtime error". */
  source?: string;
}

export interface CodeEditorHandle {
  /** Moves the cursor to a 1-based line:column, scrolls it into view and focuses the editor. */
  focusAt(line: number, column: number): void;
  /** Replaces the whole text (e.g. "reset to starter"). */
  setValue(value: string): void;
}

interface CodeEditorProps {
  initialValue: string;
  onChange: (value: string) => void;
  diagnostics: readonly EditorDiagnostic[];
  ariaLabel: string;
  /** Mod-Enter and Mod-Shift-Enter, taken before CodeMirror's own bindings (which would insert a line). */
  onRun?: () => void;
  onSubmit?: () => void;
  ref?: Ref<CodeEditorHandle>;
}

/** Document offset of a 1-based line:column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const lineInfo = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(lineInfo.from + Math.max(0, column - 1), lineInfo.to);
}

function toCodeMirror(state: EditorState, diagnostic: EditorDiagnostic): Diagnostic {
  const from = offsetOf(state.doc, diagnostic.line, diagnostic.column);
  const word = state.wordAt(from);
  const lineEnd = state.doc.lineAt(from).to;
  const to = word && word.from === from ? word.to : Math.min(from + 1, lineEnd);
  return { from, to: Math.max(from, to), severity: diagnostic.severity, message: diagnostic.message, source: diagnostic.source };
}

const theme = EditorView.theme({
  "&": { fontSize: "14px", backgroundColor: "#ffffff" },
  ".cm-content": { fontFamily: "var(--font-mono)" },
  ".cm-gutters": { backgroundColor: "#f8fafc", color: "#475569", borderRight: "1px solid #e2e8f0" },
  "&.cm-focused": { outline: "2px solid #2563c9", outlineOffset: "-2px" },
  // No inner scrolling: long lines wrap and the editor grows with the code, so nothing is a scroll region a
  // keyboard user could not reach (and the page keeps one scrollbar).
  ".cm-content, .cm-gutter": { minHeight: "18rem" },
});

export function CodeEditor({ initialValue, onChange, diagnostics, ariaLabel, onRun, onSubmit, ref }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The label follows the interface language, which can change without remounting the editor.
  const label = useRef(new Compartment());
  const callbacks = useRef({ onChange, onRun, onSubmit });
  callbacks.current = { onChange, onRun, onSubmit };

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialValue,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: "Mod-Enter", run: () => (callbacks.current.onRun?.(), Boolean(callbacks.current.onRun)) },
              { key: "Mod-Shift-Enter", run: () => (callbacks.current.onSubmit?.(), Boolean(callbacks.current.onSubmit)) },
            ]),
          ),
          basicSetup,
          accessibleHighlighting,
          javascript({ typescript: true }),
          EditorView.lineWrapping,
          lintGutter(),
          theme,
          label.current.of(EditorView.contentAttributes.of({ "aria-label": ariaLabel })),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later text changes come from the learner, not from props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: label.current.reconfigure(EditorView.contentAttributes.of({ "aria-label": ariaLabel })) });
  }, [ariaLabel]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, diagnostics.map((d) => toCodeMirror(editor.state, d))));
  }, [diagnostics]);

  useImperativeHandle(
    ref,
    () => ({
      focusAt(line, column) {
        const editor = view.current;
        if (!editor) return;
        const pos = offsetOf(editor.state.doc, line, column);
        editor.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
        editor.focus();
      },
      setValue(value) {
        const editor = view.current;
        if (!editor) return;
        editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
      },
    }),
    [],
  );

  return <div ref={host} className="overflow-hidden rounded-md border border-slate-300" data-testid="code-editor" />;
}
